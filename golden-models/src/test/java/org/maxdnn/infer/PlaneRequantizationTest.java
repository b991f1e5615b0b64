package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vectorised requantisation against {@link OutputStage#apply}, element by element:
 * both roundings, scales that shift right and left (above 1), accumulators over the whole int range
 * (wrap-around of acc + bias and of the left shift included), zero points, clamps, and run lengths
 * that leave a scalar tail.
 */
class PlaneRequantizationTest {
    @Test
    void equalsTheScalarRequantisationBitForBit() {
        Random rnd = new Random(3);
        double[] scales = {1e-9, 0.0003, 0.0021, 0.049, 0.5, 0.99999, 1.0, 1.7, 13.0, 1000.0};
        for (boolean single : new boolean[] {false, true}) {
            for (double scale : scales) {
                OutputStage stage = new OutputStage(new QuantizedMultiplier[] {QuantizedMultiplier.of(scale)},
                        rnd.nextInt(21) - 10, -128 + rnd.nextInt(3) * 64, 127, single);
                for (int length : new int[] {5, 64, 67}) {
                    int[] acc = new int[length + 3];
                    for (int i = 0; i < acc.length; i++) {
                        int bits = rnd.nextInt(4);
                        acc[i] = bits == 0 ? rnd.nextInt() : bits == 1 ? rnd.nextInt(1 << 20) - (1 << 19)
                                : bits == 2 ? rnd.nextInt(4096) - 2048 : (rnd.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE);
                    }
                    int bias = rnd.nextInt(20001) - 10000;
                    int[] expected = acc.clone();
                    for (int i = 1; i < 1 + length; i++) {
                        expected[i] = stage.apply(0, acc[i] + bias);
                    }
                    int[] actual = acc.clone();
                    PlaneRequantization.apply(stage, 0, bias, actual, 1, length);
                    assertArrayEquals(expected, actual, "scale " + scale + (single ? " single" : " double")
                            + " rounding, " + length + " values");
                }
            }
        }
    }
}
