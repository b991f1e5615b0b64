package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.ArrayDesign;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * The configurable PE against the Java models for every configuration loaded at run time,
 * exhaustively: a one-row array of 13 PEs holds 13 configurations at once, each load gives every PE
 * the same weight and a stream of all 256 activations then yields 13 × 256 products. Five groups ×
 * 256 weights cover the 65 configurations × 65,536 operand pairs.
 */
class ConfigurablePeExhaustiveTest {
    private static final int COLS = 13;

    @RequiresTools({"verilator"})
    @Test
    void everyConfigurationOnEveryOperandPair() {
        List<MultiplierConfig> all = MultiplierCatalog.library();
        assertEquals(5 * COLS, all.size());
        MultiplierRegistry registry = new MultiplierRegistry(null);
        ArrayDesign d = ArrayDesign.configurable("PeExhaustive_1x" + COLS, 1, COLS);
        Path binary = ArrayHarness.build(d, RtlGenerator.arrayVerilog(d), false, false);
        byte[] acts = new byte[256];
        for (int a = -128; a < 128; a++) {
            acts[a + 128] = (byte) a;
        }
        long checked = 0;
        try (ArraySimulator sim = new VerilatorSimulator(binary, 1, COLS, List.of())) {
            for (int group = 0; group < all.size(); group += COLS) {
                List<MultiplierConfig> configs = all.subList(group, group + COLS);
                byte[] codes = new byte[COLS];
                for (int c = 0; c < COLS; c++) {
                    codes[c] = (byte) ArrayDesign.configCode(configs.get(c));
                }
                for (int w = -128; w < 128; w++) {
                    byte[] weights = new byte[COLS];
                    Arrays.fill(weights, (byte) w);
                    sim.load(weights, codes);
                    sim.stream(acts, 256);
                }
                for (int w = -128; w < 128; w++) {
                    int[] out = sim.read(256);
                    for (int c = 0; c < COLS; c++) {
                        Multiplier m = registry.get(configs.get(c));
                        for (int a = -128; a < 128; a++) {
                            int expected = m.multiply(a, w);
                            int actual = out[(a + 128) * COLS + c];
                            if (expected != actual) {
                                assertEquals(expected, actual, configs.get(c).name() + ": a=" + a + " w=" + w);
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(65L * 65_536, checked);
    }
}
