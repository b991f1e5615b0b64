package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.metrics.ErrorMetrics;

class WeightTunedMultiplierTest {
    private final MultiplierRegistry registry = new MultiplierRegistry(Assets.fromEnvironment().lutDir());

    @Test
    void exactTableKeepsEveryWeight() {
        WeightTunedMultiplier m = (WeightTunedMultiplier) registry.get("alwann:mul8u_1JFF");
        for (int w = 0; w < 256; w++) {
            assertEquals(w, m.tunedWeightCode(w));
        }
        assertArrayEquals(ExactMultiplier.INSTANCE.table(), m.table());
    }

    @Test
    void tuningNeverIncreasesTheColumnErrorItMinimises() {
        LutMultiplier lut = (LutMultiplier) registry.get("lut:mul8u_17KS");
        WeightTunedMultiplier tuned = (WeightTunedMultiplier) registry.get("alwann:mul8u_17KS");
        int moved = 0;
        for (int w = 0; w < 256; w++) {
            long before = 0;
            long after = 0;
            for (int i = 0; i < 256; i++) {
                before += Math.abs(i * w - lut.unsignedProduct(i, w));
                after += Math.abs(i * w - tuned.unsignedProduct(i, w));
            }
            assertTrue(after <= before, "weight " + w);
            moved += tuned.tunedWeightCode(w) != w ? 1 : 0;
        }
        assertTrue(moved > 0, "a coarse table should move some weights");
        assertTrue(ErrorMetrics.unsigned(tuned).med() <= ErrorMetrics.unsigned(lut).med());
    }
}
