package org.maxdnn.train;

import ai.djl.ndarray.NDArray;

/**
 * Fake quantisation in the forward pass, TFLite's int8 scheme: a value is clipped to the range its
 * int8 codes cover and rounded to the grid, while the gradient passes straight through the rounding
 * (and is zero outside the clip range, which is how a fused ReLU's clamp trains).
 */
final class FakeQuant {
    private FakeQuant() {
    }

    /** An activation quantised per tensor with (scale, zero point), its codes clamped to [qmin, qmax]. */
    static NDArray activation(NDArray x, float scale, int zeroPoint, int qmin, int qmax) {
        NDArray clipped = x.clip((qmin - zeroPoint) * scale, (qmax - zeroPoint) * scale);
        NDArray grid = clipped.div(scale).round().mul(scale);
        return straightThrough(clipped, grid);
    }

    /** {@code x} in the backward pass, {@code value} in the forward pass: x + stopGradient(value − x). */
    static NDArray straightThrough(NDArray x, NDArray value) {
        return x.add(value.sub(x).stopGradient());
    }

    /** Codes of a fake-quantised activation: round(x / scale) + zero point (exact integers in float). */
    static NDArray codes(NDArray fakeQuantised, float scale, int zeroPoint) {
        return fakeQuantised.stopGradient().div(scale).round().add(zeroPoint);
    }

    /** ROUP's multiplicand rounding of integer codes: ((a + 2^(R−1)) >> R) << R (SPEC §3.2). */
    static NDArray roundMultiplicand(NDArray a, int r) {
        return r == 0 ? a : a.add(1 << (r - 1)).div(1 << r).floor().mul(1 << r);
    }

    /** The weight ROUP's surviving Booth digits represent: ((b + 2^(2P−1)) >> 2P) << 2P (SPEC §3.2). */
    static NDArray perforatedWeight(NDArray b, int p) {
        return p == 0 ? b : b.add(1 << (2 * p - 1)).div(1 << (2 * p)).floor().mul(1 << (2 * p));
    }

    /** ROUP's multiplicand rounding of one integer code. */
    static int roundMultiplicand(int a, int r) {
        return r == 0 ? a : ((a + (1 << (r - 1))) >> r) << r;
    }
}
