package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.LutMultiplier;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.TableConfig;
import org.maxdnn.mult.WeightTunedMultiplier;
import org.maxdnn.testing.RequiresTools;

/**
 * An EvoApprox circuit in the energy flow: its library Verilog synthesised, checked against its
 * table on all 65,536 unsigned codes (a wrong port order is caught), measured as lut: and alwann:.
 */
@RequiresTools({"yosys"})
class EnergyCharacterizationTest {
    private static final String CIRCUIT = "mul8u_L40";

    @TempDir
    Path tmp;

    /**
     * The circuit as lut: and alwann: (one netlist, as the generator's Circuits gives it): the
     * library's Verilog under a wrapper with ports a, b, product, operands on unsigned codes.
     */
    private static List<Circuit> circuits(String activationPort, String weightPort) throws IOException {
        Assets assets = Assets.fromEnvironment();
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        String library = Files.readString(assets.evoApproxVerilog().resolve(CIRCUIT + ".v"));
        String wrapper = "module Unsigned_" + CIRCUIT + "(input [7:0] a, input [7:0] b, output [15:0] product);\n  "
                + CIRCUIT + " circuit (." + weightPort + "(b), ." + activationPort + "(a), .O(product));\nendmodule\n";
        LutMultiplier lut = (LutMultiplier) registry.get(TableConfig.lut(CIRCUIT));
        WeightTunedMultiplier alwann = (WeightTunedMultiplier) registry.get(TableConfig.alwann(CIRCUIT));
        IntUnaryOperator code = x -> (byte) (x + 128);
        IntBinaryOperator product = (a, b) -> lut.unsignedProduct(a & 0xFF, b & 0xFF);
        return List.of(
                new Circuit(lut.config(), "Unsigned_" + CIRCUIT, 16, () -> library + "\n" + wrapper,
                        new Circuit.Ports(code, code, product)),
                new Circuit(alwann.config(), "Unsigned_" + CIRCUIT, 16, () -> library + "\n" + wrapper,
                        new Circuit.Ports(code, b -> (byte) alwann.tunedWeightCode(b + 128), product)));
    }

    private EnergyCharacterization.Result run(List<Circuit> c) {
        return EnergyCharacterization.run(Map.of("uniform", OperandStreams.uniform(2000, 1)), c, TestDesigns.OSU018,
                tmp, 1, done -> { });
    }

    @Test
    void aCircuitIsMeasuredAsItsTableAndWithAlwannsTunedWeights() throws IOException {
        EnergyCharacterization.Result r = run(circuits("B", "A"));
        assertEquals(List.of("lut:" + CIRCUIT, "alwann:" + CIRCUIT),
                r.designs().stream().map(d -> d.config().name()).toList());
        EnergyCharacterization.Design lut = r.designs().get(0);
        EnergyCharacterization.Design alwann = r.designs().get(1);
        assertEquals(lut.cells(), alwann.cells(), "one netlist");
        assertTrue(lut.cells() > 100, "cells " + lut.cells());
        double pj = r.table().pj("uniform", TableConfig.lut(CIRCUIT));
        assertTrue(pj > 1 && pj < 30, "pJ " + pj);
        assertNotEquals(pj, r.table().pj("uniform", TableConfig.alwann(CIRCUIT)), "tuned weights are other operands");
    }

    @Test
    void theActivationOnPortAIsCaughtByTheExhaustiveCheck() throws IOException {
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> run(circuits("A", "B")));
        assertEquals(MaxdnnException.MISMATCH, e.exitCode());
        assertTrue(e.getMessage().contains("lut:" + CIRCUIT), e.getMessage());
    }
}
