package org.maxdnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.maxdnn.infer.ConvLayer;

/**
 * A conv, depthwise or FC layer's geometry as NCHW convolutions compute it: TF SAME padding is
 * uneven (stride 2 on an even input pads bottom/right only), so the input is padded explicitly and
 * convolved without padding. Padding is 0 in the real domain, the zero point in codes.
 */
record Geometry(int strideH, int strideW, int padTop, int padBottom, int padLeft, int padRight, int groups) {
    static Geometry of(ConvLayer l) {
        int bottom = Math.max(0, (l.outH() - 1) * l.strideH() + l.kh() - l.inH() - l.padTop());
        int right = Math.max(0, (l.outW() - 1) * l.strideW() + l.kw() - l.inW() - l.padLeft());
        return new Geometry(l.strideH(), l.strideW(), l.padTop(), bottom, l.padLeft(), right, l.groups());
    }

    /** conv(x padded with 0, w) + bias (bias may be null). */
    NDArray convolve(NDArray x, NDArray w, NDArray bias) {
        NDArray padded = padTop + padBottom + padLeft + padRight == 0 ? x
                : x.pad(new Shape(padLeft, padRight, padTop, padBottom), 0);
        return Conv2d.conv2d(padded, w, bias, new Shape(strideH, strideW), new Shape(0, 0), new Shape(1, 1), groups)
                .singletonOrThrow();
    }
}
