package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * within 15 % for exact and two approximate configurations; and the gated PE of the
 * energy-proportional array, its clock gates included, against the gated array's estimate.
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

    /**
     * Idle cycles after each weight load in the gated check: the fill and drain a fold leaves a PE,
     * here as long as the stream between loads (3 loads in 6,000 pairs), so the gates are about as
     * often closed as open.
     */
    private static final int IDLE = 2000;

    /**
     * The gated PE (SPEC §6.1) with its weight and data clock gates, synthesised whole (latch and AND
     * cells included) and simulated at gate level on the same stream as a gated array's PE in its last
     * row sees it: at a weight load its inputs held and its data gate closed, then {@link #IDLE} idle
     * cycles, then one valid cycle per pair; against the array estimate of the same cycles (gated
     * flip-flops clocked for the cycles their gate was open, each gate's open and closed cycles, the
     * adder as wide as the partial sum), within 15 %. A gate's output net is treated like the ideal
     * primary clock (neither array has a clock tree).
     */
    private static void gatedAgrees(String name) {
        MultiplierConfig config = MultiplierConfig.parse(name);
        Multiplier m = REGISTRY.get(config);
        ArrayConfig array = ArrayConfig.configurable(16, 16).withGating(true);
        int psumBits = array.psumBits(15);
        int n = stream.size();
        List<int[]> cycles = new ArrayList<>(); // load, enable, weight, act, psum
        int held = 0;
        int act = 0;
        int psum = 0;
        long window = 0;
        int[] recent = new int[PeStimulus.ROWS_ABOVE];
        int loads = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || stream.b()[i] != stream.b()[i - 1]) {
                held = stream.b()[i];
                cycles.add(new int[] {1, 0, held, act, psum});
                for (int k = 0; k < IDLE; k++) {
                    cycles.add(new int[] {0, 0, held, act, psum});
                }
                loads++;
            }
            act = stream.a()[i];
            psum = (int) window;
            cycles.add(new int[] {0, 1, held, act, psum});
            int p = m.multiply(act, held);
            window += p - recent[i % PeStimulus.ROWS_ABOVE];
            recent[i % PeStimulus.ROWS_ABOVE] = p;
        }
        int t = cycles.size();
        Map<String, int[]> ports = new LinkedHashMap<>();
        String[] names = {"load", "enable", "weight", "actIn", "psumIn"};
        for (int k = 0; k < names.length; k++) {
            int[] v = new int[t];
            for (int c = 0; c < t; c++) {
                v[c] = cycles.get(c)[k];
            }
            ports.put(names[k], v);
        }
        ports.put("clock", new int[t]);
        ports.put("reset", new int[t]);
        // RT level: the multiplier sees the stored weight (loaded at the edge after a load cycle); the data
        // registers take actIn and psumIn + product at the edges their gate is open
        int[] pa = new int[t];
        int[] pb = new int[t];
        int stored = 0;
        long toggles = 0;
        int actReg = 0;
        int psumReg = 0;
        long open = 0;
        int mask = (1 << psumBits) - 1;
        for (int c = 0; c < t; c++) {
            int[] x = cycles.get(c);
            pa[c] = x[3];
            pb[c] = stored;
            if (c + 1 < t) {
                if (x[1] == 1) {
                    int nextPsum = (x[4] + m.multiply(x[3], stored)) & mask;
                    toggles += Integer.bitCount((actReg ^ x[3]) & 0xFF) + Integer.bitCount(psumReg ^ nextPsum);
                    actReg = x[3];
                    psumReg = nextPsum;
                    open++;
                }
                if (x[0] == 1) {
                    stored = x[2];
                }
            }
        }
        Path dir = WORK.resolve("gated-" + name);
        Path file = dir.resolve("pe.sv");
        AtomicFiles.writeString(file, RtlGenerator.gatedPeVerilog(config, array.psumBits(14), psumBits, null));
        GateLevelEnergy whole = GateLevelEnergy.synthesize(file, RtlGenerator.gatedPeModule(config), Liberty.OSU018,
                dir.resolve("pe"), EnergyModel.Options.DEFAULT);
        Activity a = whole.simulator().simulate(ports, false);
        long transitions = a.transitions();
        double gatePj = whole.model().evaluate(a).cellsOnly() * transitions * 1e12;
        Map<String, Integer> sequential = new TreeMap<>(whole.synthesis().netlist().cellCounts());
        sequential.keySet().removeIf(c -> !whole.liberty().cell(c).sequential());
        Path md = dir.resolve("multiplier");
        Path mf = md.resolve("m.sv");
        AtomicFiles.writeString(mf, RtlGenerator.multiplierVerilog(config));
        GateLevelEnergy mult = GateLevelEnergy.synthesize(mf, RtlGenerator.moduleName(config), Liberty.OSU018, md,
                EnergyModel.Options.DEFAULT);
        double multPj = mult.energy(new OperandStream(name, pa, pb)).totalPj() * transitions;
        long weightLoadEdges = loads - (cycles.get(t - 1)[0] == 1 ? 1 : 0);
        double gateOpen = open + weightLoadEdges;
        ArrayEnergy.Breakdown est = ArrayEnergy.of(ActionCounts.builder().add(PeActions.adderAdd(psumBits), n)
                .add(PeActions.REGISTER_BIT_TOGGLE, toggles)
                .add(PeActions.REGISTER_GATED_CLOCK, open * (ArrayConfig.OPERAND_BITS + psumBits)
                        + (double) weightLoadEdges * ArrayConfig.OPERAND_BITS)
                .add(PeActions.CLOCK_GATE_OPEN, gateOpen).add(PeActions.CLOCK_GATE_CLOSED, 2.0 * transitions - gateOpen)
                .add(PeActions.WEIGHT_LOAD, loads).build(), actions, multPj);
        double err = 100 * (est.totalPj() / gatePj - 1);
        System.out.printf(Locale.ROOT, "%-11s gated PE gate level %.2f pJ/cycle over %d cycles (%d loads, data gate open "
                        + "%.0f %%, sequential cells %s); estimate %.2f pJ/cycle (multiplier %.2f, adder %.2f, register data "
                        + "%.2f, gated clock %.2f, gates %.2f, loads %.2f): %+.1f %%%n", name, gatePj / transitions, t, loads,
                100.0 * open / transitions, sequential, est.totalPj() / transitions, est.multiplierPj() / transitions,
                est.pj(PeActions.adderAdd(psumBits)) / transitions, est.pj(PeActions.REGISTER_BIT_TOGGLE) / transitions,
                est.pj(PeActions.REGISTER_GATED_CLOCK) / transitions,
                (est.pj(PeActions.CLOCK_GATE_OPEN) + est.pj(PeActions.CLOCK_GATE_CLOSED)) / transitions,
                est.pj(PeActions.WEIGHT_LOAD) / transitions, err);
        assertTrue(sequential.keySet().stream().anyMatch(c -> whole.liberty().cell(c).latch() != null),
                "the clock gates' latches are in the netlist: " + sequential);
        assertTrue(Math.abs(err) < 15, name + ": gated estimate vs whole gated PE " + err + " %");
    }

    @Test
    void gatedExact() {
        gatedAgrees("exact");
    }

    @Test
    void gatedRoupP1r2() {
        gatedAgrees("roup-p1r2");
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
