package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * Every PE against the golden multipliers on all 65,536 operand pairs, in Verilator: a one-row
 * array holds one PE per configuration; each load gives every PE the same weight and a stream of
 * all 256 activations yields one product per PE and activation. The configurable PE runs every
 * configuration it can load at run time; fixed PEs run every configuration of the catalogue baked
 * in (every registered family's, so a family a test registers is covered too), and EvoApprox
 * circuits as black boxes under the TFApprox offsets (lut) and with ALWANN's tuned weight codes
 * (alwann).
 */
@RequiresTools({"verilator"})
class PeExhaustiveTest {
    /** Circuits with and without ALWANN tuning; 2AC and L40 are not symmetric, so a port swap would show. */
    static final List<MultiplierConfig> CIRCUITS = Stream.of("lut:mul8u_2AC", "alwann:mul8u_2AC", "alwann:mul8u_L40",
            "lut:mul8u_1JFF").map(MultiplierConfig::parse).toList();

    @Test
    void configurablePeRunsEveryConfigurationLoadedAtRunTime() {
        int cols = 13;
        ArrayConfig d = ArrayConfig.configurable(1, cols);
        List<MultiplierConfig> all = d.code().configurations();
        assertEquals(5 * cols, all.size());
        long checked = 0;
        for (int group = 0; group < all.size(); group += cols) {
            checked += exhaustive(d, RtlGenerator.arrayVerilog(d), all.subList(group, group + cols), null);
        }
        assertEquals(65L * 65_536, checked);
    }

    @Test
    void fixedPesOfEveryConfiguration() {
        List<MultiplierConfig> all = MultiplierCatalog.library();
        assertEquals(65, all.stream().filter(c -> List.of("exact", "roup", "roupc").contains(c.family().id())).count());
        ArrayConfig d = ArrayConfig.fixed("exhaustive", List.of(all));
        assertEquals(all.size() * 65_536L, exhaustive(d, RtlGenerator.arrayVerilog(d), all, null));
    }

    @Test
    void evoApproxPesWithTheirOffsetsAndTunedWeights() {
        Assets assets = Assets.fromEnvironment();
        ArrayConfig d = ArrayConfig.fixed("circuits", List.of(CIRCUITS));
        assertEquals(CIRCUITS.size() * 65_536L, exhaustive(d, RtlGenerator.arrayVerilog(d, assets), CIRCUITS,
                new MultiplierRegistry(assets.lutDir())));
    }

    /** Runs every weight through the one-row array, every PE loaded with {@code configs}; returns the pairs checked. */
    private static long exhaustive(ArrayConfig d, String verilog, List<MultiplierConfig> configs, MultiplierRegistry registry) {
        MultiplierRegistry models = registry != null ? registry : new MultiplierRegistry(null);
        int cols = configs.size();
        Path binary = ArrayHarness.build(d, verilog, false, false);
        byte[] acts = new byte[256];
        for (int a = -128; a < 128; a++) {
            acts[a + 128] = (byte) a;
        }
        byte[] codes = new byte[cols];
        if (d.isConfigurable()) {
            for (int c = 0; c < cols; c++) {
                codes[c] = (byte) d.code().code(configs.get(c));
            }
        }
        long checked = 0;
        try (ArraySimulator sim = new VerilatorSimulator(binary, 1, cols, List.of())) {
            for (int w = -128; w < 128; w++) {
                byte[] weights = new byte[cols];
                Arrays.fill(weights, (byte) w);
                sim.load(weights, codes, d.cols());
                sim.stream(acts, 256);
            }
            List<Multiplier> m = configs.stream().map(models::get).toList();
            for (int w = -128; w < 128; w++) {
                int[] out = sim.read(256);
                for (int c = 0; c < cols; c++) {
                    for (int a = -128; a < 128; a++) {
                        int expected = m.get(c).multiply(a, w);
                        int actual = out[(a + 128) * cols + c];
                        if (expected != actual) {
                            fail(configs.get(c).name() + " (PE " + c + "): a=" + a + " w=" + w + " expected " + expected
                                    + ", RTL " + actual);
                        }
                        checked++;
                    }
                }
            }
        }
        return checked;
    }
}
