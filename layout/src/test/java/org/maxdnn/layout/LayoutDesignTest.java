package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.RoupConfig;
import org.maxdnn.mult.TableConfig;
import org.maxdnn.rtl.Circuits;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.GateSimulator;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.Netlist;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;
import org.maxdnn.sim.YosysSynth;
import org.maxdnn.testing.RequiresTools;

/**
 * The registered wrappers, synthesised with registers (Yosys), cut back at their registers by
 * {@link RegisterCut} and simulated on all 65,536 operand pairs.
 */
@RequiresTools({"yosys"})
class LayoutDesignTest {
    @TempDir
    Path dir;

    private RegisterCut synthesizeAndCut(LayoutDesign d) {
        Path v = dir.resolve(d.top() + ".sv");
        AtomicFiles.writeString(v, d.verilog());
        YosysSynth.Result r = YosysSynth.synthesize(v, d.top(), QflowTools.liberty(), dir.resolve("synth"));
        Liberty lib = GateLevelEnergy.library(QflowTools.liberty());
        assertTrue(r.netlist().cells().stream().anyMatch(c -> lib.cell(c.type()).sequential()), "registers kept");
        return RegisterCut.of(r.netlist(), lib);
    }

    @Test
    void aRegisteredRoupMultiplierCutsBackToItsModel() {
        MultiplierConfig c = RoupConfig.roup(1, 2);
        RegisterCut cut = synthesizeAndCut(LayoutDesign.multiplier(Circuits.of(c, null)));
        GateSimulator sim = new GateSimulator(cut.netlist(), GateLevelEnergy.library(QflowTools.liberty()));
        MultiplierRegistry models = new MultiplierRegistry(null);
        assertEquals(0, PostRouteEnergy.mismatches(sim, models.get(c)::multiply));
        assertTrue(cut.productLoadFarads() > 0);
        // the control: another configuration's model disagrees on many pairs
        assertTrue(PostRouteEnergy.mismatches(sim, models.get(RoupConfig.roup(2, 2))::multiply) > 1000);
    }

    @Test
    void operandsSwappedAtTheCoreAreCaught() {
        MultiplierConfig c = RoupConfig.roup(1, 4); // a rounded to 16, b to 4: not symmetric
        Circuit circuit = Circuits.of(c, null);
        String core = circuit.module();
        String top = "Swapped_" + core;
        LayoutDesign swapped = new LayoutDesign("swapped", top, circuit.verilog().get() + "\n"
                + LayoutDesign.registered(top, core + " core (.a(b_q), .b(a_q), .product(product_d));", 16), circuit);
        RegisterCut cut = synthesizeAndCut(swapped);
        GateSimulator sim = new GateSimulator(cut.netlist(), GateLevelEnergy.library(QflowTools.liberty()));
        assertTrue(PostRouteEnergy.mismatches(sim, circuit.ports().product()) > 1000);
    }

    /** The activation drives the EvoApprox circuit's port B: the wrapper computes T[a·256 + b] on unsigned codes. */
    @Test
    void anEvoApproxWrapperComputesItsTable() throws IOException {
        Assets assets = Assets.fromEnvironment();
        MultiplierConfig c = TableConfig.lut("mul8u_2AC"); // not symmetric
        Circuit circuit = Circuits.of(c, assets);
        RegisterCut cut = synthesizeAndCut(LayoutDesign.multiplier(circuit));
        Netlist n = cut.netlist();
        GateSimulator sim = new GateSimulator(n, GateLevelEnergy.library(QflowTools.liberty()));
        ByteBuffer table = ByteBuffer.wrap(Files.readAllBytes(assets.lutDir().resolve("mul8u_2AC.bin")))
                .order(ByteOrder.LITTLE_ENDIAN);
        OperandStream all = OperandStreams.exhaustive(); // signed codes; their 8 bits are the unsigned codes
        long[] p = sim.simulateOperands(all.a(), all.b(), true).outputs().get("product");
        int bad = 0;
        int swappedBad = 0;
        for (int i = 0; i < p.length; i++) {
            int a = all.a()[i] & 0xFF;
            int b = all.b()[i] & 0xFF;
            bad += (p[i] & 0xFFFF) == table.getChar(2 * (a * 256 + b)) ? 0 : 1;
            swappedBad += (p[i] & 0xFFFF) == table.getChar(2 * (b * 256 + a)) ? 0 : 1;
        }
        assertEquals(0, bad);
        assertTrue(swappedBad > 1000, "the other port order would be wrong on " + swappedBad + " pairs");
        assertEquals(0, PostRouteEnergy.mismatches(sim, circuit.ports().product()), "what the circuit says it computes");
    }
}
