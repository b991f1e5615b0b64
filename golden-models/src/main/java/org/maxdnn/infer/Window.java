package org.maxdnn.infer;

import org.maxdnn.model.Padding;

/**
 * A sliding window over an HWC input, as convolutions and pooling place it: kernel kh×kw, strides,
 * and the padding before the first row and column (TF puts an odd total at the bottom/right). A
 * transposed convolution slides over its input zero-stuffed: input pixels stand every
 * {@code inputStepH} rows and {@code inputStepW} columns of a virtual input, the positions between
 * them are holes (fed the input zero point, as padding is); 1 for every other layer.
 */
public record Window(int kh, int kw, int strideH, int strideW, int padTop, int padLeft, int inputStepH,
                     int inputStepW) {
    public Window(int kh, int kw, int strideH, int strideW, int padTop, int padLeft) {
        this(kh, kw, strideH, strideW, padTop, padLeft, 1, 1);
    }

    /** The window of TF padding mode {@code padding} over an inH×inW input. */
    public static Window of(Padding padding, int inH, int inW, int kh, int kw, int strideH, int strideW) {
        return new Window(kh, kw, strideH, strideW, padding.before(inH, kh, strideH), padding.before(inW, kw, strideW));
    }

    /** A 1×1 window with stride 1 (a fully connected layer as a convolution). */
    public static Window single() {
        return new Window(1, 1, 1, 1, 0, 0);
    }

    /** Whether the input is zero-stuffed (a transposed convolution). */
    public boolean stuffed() {
        return inputStepH > 1 || inputStepW > 1;
    }

    /**
     * The input pixel (row·inW + column of an inH×inW input) that tap (ky, kx) of output pixel
     * (oy, ox) reads, or −1 where it falls on padding or on a hole of a zero-stuffed input.
     */
    public int inputPixel(int inH, int inW, int oy, int ox, int ky, int kx) {
        int py = oy * strideH - padTop + ky;
        int px = ox * strideW - padLeft + kx;
        if (py < 0 || px < 0 || py % inputStepH != 0 || px % inputStepW != 0) {
            return -1;
        }
        int iy = py / inputStepH;
        int ix = px / inputStepW;
        return iy < inH && ix < inW ? iy * inW + ix : -1;
    }
}
