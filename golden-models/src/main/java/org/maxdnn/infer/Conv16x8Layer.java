package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * A CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED or TRANSPOSE_CONV layer quantised 16x8: int16
 * activations (zero point 0), int8 weights, int64 bias, as TFLite's reference 16x8 kernels
 * (reference_integer_ops ConvPerChannel, DepthwiseConvPerChannel, FullyConnected and TransposeConv
 * for int16): Σ x·w + bias in 64 bits, requantised by the channel's multiplier reduced to Q15
 * ({@link QuantizedMultiplier#applyWide}), clamped, stored as int16. The x86 interpreter runs the
 * same reference kernels, so both rounding variants compute this.
 *
 * <p>The layer runs exactly, whatever a map says: the array's 8×8 multipliers take int8 operands,
 * and a 16-bit activation split into two bytes would need two approximate products per weight whose
 * errors do not add up to the error of one approximate 16×8 product, which the maps' search and
 * compensation are built on. So it is a {@link FixedLayer}, not a {@link ConvLayer}. The geometry
 * is a {@link ConvLayer}'s: weights OHWI over the filter depth, {@code groups} groups, the window
 * (a transposed convolution zero-stuffed).
 */
public record Conv16x8Layer(String name, OpType op, int input, int output, FeatureMap in, FeatureMap out,
                            Window window, int groups, byte[] weights, long[] bias, QuantizedMultiplier[] requant,
                            int actMin, int actMax) implements UnaryLayer {

    public int filterDepth() {
        return in.c() / groups;
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public long macs() {
        return (long) out.elements() * window.kh() * window.kw() * filterDepth();
    }

    @Override
    public void run(Workspace ws) {
        short[] x = ws.shorts(input);
        short[] y = ws.shorts(output);
        int depth = filterDepth();
        int perGroup = out.c() / groups;
        int kh = window.kh();
        int kw = window.kw();
        int o = 0;
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                for (int oc = 0; oc < out.c(); oc++, o++) {
                    int first = oc / perGroup * depth;
                    long acc = 0;
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int pixel = window.inputPixel(in.h(), in.w(), oy, ox, ky, kx);
                            if (pixel < 0) {
                                continue; // zero point 0: padding and holes add nothing
                            }
                            int xi = pixel * in.c() + first;
                            int wi = ((oc * kh + ky) * kw + kx) * depth;
                            for (int j = 0; j < depth; j++) {
                                acc += (long) x[xi + j] * weights[wi + j];
                            }
                        }
                    }
                    int v = requant[oc].applyWide(acc + bias[oc]);
                    y[o] = (short) Math.max(actMin, Math.min(v, actMax));
                }
            }
        }
    }
}
