package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.ImageSets;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ActionCounts;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.energy.PeActions;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.sim.ActionEnergyCharacterization;
import org.maxdnn.sim.Activity;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.EnergyModel;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;
import org.maxdnn.sim.PeStimulus;
import org.maxdnn.testing.RequiresTools;

/**
 * The array estimate checked where it can be: one whole synthesised PE (the generator's: weight,
 * activation and partial-sum registers, multiplier, adder) simulated at gate level, flip-flops
 * included, on a real layer's stream (conv1 of ResNet-8 on two images, weight loads where the
 * weight changes), against the Accelergy-style estimate of the same cycles — the multiplier's
 * energy as the energy table measures it, plus RT-level counts × the measured energy per action —
 * within 15 % for exact and two approximate configurations.
 */
@RequiresTools("yosys")
class PeEnergyTest {
    private static final Path WORK = Path.of("target", "pe-energy").toAbsolutePath();
    private static final Pattern PE_MODULE = Pattern.compile("module (PE_\\w+)\\(");
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);
    static OperandStream stream;
    static ActionEnergyTable actions;

    @BeforeAll
    static void measure() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        Map<String, OperandStream> streams = OperandStreams.capture(InferencePlan.compile(net, ApproxMap.exact(),
                REGISTRY), ImageSets.readFolder(assets.images(), 2), 6000, 1);
        stream = streams.get("conv1");
        actions = ActionEnergyCharacterization.run(stream, REGISTRY.get(MultiplierConfig.EXACT), Liberty.OSU018,
                WORK.resolve("parts"));
        actions.entries().forEach((k, e) -> System.out.printf(Locale.ROOT, "%-20s %.4f pJ  (%s)%n", k, e.pj(),
                e.estimator()));
    }

    private static void agrees(String name) {
        MultiplierConfig config = MultiplierConfig.parse(name);
        Multiplier m = REGISTRY.get(config);
        PeStimulus pe = PeStimulus.of(stream, m);
        // the whole PE at gate level: from a 2 x 1 array, whose shared PE module keeps its partial-sum
        // input (a 1 x 1 array's PE has it tied to 0 and folded away)
        String verilog = RtlGenerator.arrayVerilog(ArrayConfig.fixed("pe", List.of(List.of(config), List.of(config))));
        Matcher mm = PE_MODULE.matcher(verilog);
        assertTrue(mm.find(), "a PE module in the array's Verilog");
        Path dir = WORK.resolve(name);
        Path file = dir.resolve("pe.sv");
        AtomicFiles.writeString(file, verilog);
        GateLevelEnergy whole = GateLevelEnergy.synthesize(file, mm.group(1), Liberty.OSU018, dir.resolve("pe"),
                EnergyModel.Options.DEFAULT);
        Activity act = whole.simulator().simulate(pe.ports(), false);
        long transitions = act.transitions();
        double gatePj = whole.model().evaluate(act).cellsOnly() * transitions * 1e12;
        long flops = whole.synthesis().netlist().cells().stream()
                .filter(c -> whole.liberty().cell(c.type()).sequential()).count();
        // the estimate: the multiplier as the energy table prices it, the rest counted at RT level
        Path md = dir.resolve("multiplier");
        Path mf = md.resolve("m.sv");
        AtomicFiles.writeString(mf, RtlGenerator.multiplierVerilog(config));
        GateLevelEnergy mult = GateLevelEnergy.synthesize(mf, RtlGenerator.moduleName(config), Liberty.OSU018, md,
                EnergyModel.Options.DEFAULT);
        double multPj = mult.energy(pe.product()).totalPj() * transitions;
        ArrayEnergy.Breakdown est = ArrayEnergy.of(ActionCounts.builder().add(PeActions.ADDER_ADD, stream.size())
                .add(PeActions.REGISTER_BIT_TOGGLE, pe.registerBitToggles())
                .add(PeActions.REGISTER_CLOCK, (double) flops * transitions).add(PeActions.WEIGHT_LOAD, pe.loads()).build(),
                actions, multPj);
        double err = 100 * (est.totalPj() / gatePj - 1);
        System.out.printf(Locale.ROOT, "%-11s PE gate level %.2f pJ/cycle; estimate %.2f pJ/cycle (multiplier %.2f, adder "
                        + "%.2f, register data %.2f, clock %.2f (%d flops), loads %.2f): %+.1f %%%n", name,
                gatePj / transitions, est.totalPj() / transitions, est.multiplierPj() / transitions,
                est.pj(PeActions.ADDER_ADD) / transitions, est.pj(PeActions.REGISTER_BIT_TOGGLE) / transitions,
                est.pj(PeActions.REGISTER_CLOCK) / transitions, flops, est.pj(PeActions.WEIGHT_LOAD) / transitions, err);
        assertTrue(Math.abs(err) < 15, name + ": estimate vs whole PE " + err + " %");
        // the array estimate's RT-level flip-flop count of a fixed PE is the synthesised one's, or close
        int rtl = ArrayConfig.fixed("pe", List.of(List.of(config))).flopsPerPe(0);
        assertTrue(Math.abs(flops - rtl) <= 8, flops + " flops synthesised, " + rtl + " counted");
    }

    @Test
    void exact() {
        agrees("exact");
    }

    @Test
    void roupP1r2() {
        agrees("roup-p1r2");
    }

    @Test
    void roupcP2r6() {
        agrees("roupc-p2r6");
    }
}
