package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/** AVERAGE_POOL_2D (on the raw stored values, rounded half away from zero) or MAX_POOL_2D. */
public record PoolLayer(String name, OpType op, int input, int output, int inH, int inW, int channels,
                        int outH, int outW, int filterH, int filterW, int strideH, int strideW,
                        int padTop, int padLeft, int actMin, int actMax) implements Layer {
    @Override
    public int[] inputs() {
        return new int[] {input};
    }

    public void run(byte[] in, byte[] out) {
        boolean average = op == OpType.AVERAGE_POOL_2D;
        int o = 0;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int c = 0; c < channels; c++, o++) {
                    int acc = average ? 0 : Integer.MIN_VALUE;
                    int count = 0;
                    for (int ky = 0; ky < filterH; ky++) {
                        int iy = oy * strideH - padTop + ky;
                        for (int kx = 0; kx < filterW; kx++) {
                            int ix = ox * strideW - padLeft + kx;
                            if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
                                int v = in[(iy * inW + ix) * channels + c];
                                acc = average ? acc + v : Math.max(acc, v);
                                count++;
                            }
                        }
                    }
                    if (average) {
                        // round half away from zero, as the int8 reference kernel
                        acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    }
                    out[o] = (byte) (acc < actMin ? actMin : Math.min(acc, actMax));
                }
            }
        }
    }
}
