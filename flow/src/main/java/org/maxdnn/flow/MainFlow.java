package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maxdnn.Assets;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.explore.Selection;

/**
 * The main job as a library call: characterise energy → explore → pick → generate RTL →
 * cosimulate → estimate energy → report, each stage one class taking and returning records.
 * Output folder layout: {@code explore/} (with {@code explore/energy/} when characterised),
 * {@code chosen-map.json}, {@code rtl/}, {@code cosim/}, {@code report.html}.
 */
public final class MainFlow {
    /**
     * What {@code maxdnn run} does.
     *
     * @param energy   the energy table's source (its characterisation writes under {@code out/explore/energy})
     * @param search   the exploration
     * @param hardware the RTL, its cosimulation and layout
     */
    public record Request(Workload work, EnergySource energy, Search search, Hardware hardware, Path out,
                          ExploreMaps.Clean clean) {
        /** Without a clean set. */
        public Request(Workload work, EnergySource energy, Search search, Hardware hardware, Path out) {
            this(work, energy, search, hardware, out, null);
        }
    }

    /**
     * The exploration of stage 2: its settings, the EvoApprox tables of the ALWANN baseline
     * ({@link EvoApproxTables}) and the threads scoring candidates.
     */
    public record Search(ExploreMaps.Settings settings, List<String> alwannTables, int threads) {
    }

    /**
     * @param array       the configurable array generated and cosimulated (fixed arrays take its size)
     * @param cosimImages images cosimulated through the RTL (the first ones of the workload)
     * @param processes   simulator processes for the cosimulation
     * @param assets      the asset folder, for arrays whose PEs hold EvoApprox circuits; may be null
     * @param layoutClockNs when positive, the chosen map's configurations are laid out with qflow at this
     *                    clock for the report's hardware table ({@link LayOutMap}); 0 skips it
     */
    public record Hardware(ArrayConfig array, int cosimImages, int processes, Assets assets, double layoutClockNs) {
    }

    /**
     * Every stage's result and the report; {@code characterised} is null when the table came from a
     * file; {@code rtl} is the energy-proportional (gated, SPEC §6.1) array's; {@code cosim} is the
     * configurable array's, {@code fixedCosim} each fixed array's on its layer, {@code exactCosim} the
     * exact map's on the configurable array (for its action counts), {@code plainExactCosim} and
     * {@code plainCosim} the exact and the chosen map's on today's plain array of the same size;
     * {@code alwann} the ALWANN baseline's chosen map (null when not searched), its fixed arrays
     * {@code alwannRtl} and their cosimulations {@code alwannCosim}; {@code hardware} the layout, null
     * unless asked for. {@link #failed()} is the first that did not cosimulate bit-exactly.
     * {@code arrayEnergy} is the whole array's energy per inference, priced with the energy per action
     * {@code actions}, in the order of {@link #PLAIN_EXACT}, {@link #PLAIN_CHOSEN}, {@link #GATED_EXACT},
     * {@link #GATED_CHOSEN} and, when searched, {@link #GATED_ALWANN}.
     */
    public record Result(CharacteriseEnergy.Characterised characterised, EnergyTable energy,
                         ExploreMaps.Explored explored, PickMap.Picked picked, GenerateRtl.Generated rtl,
                         Cosimulate.Outcome cosim, List<Cosimulate.Outcome> fixedCosim, Cosimulate.Outcome exactCosim,
                         Cosimulate.Outcome plainExactCosim, Cosimulate.Outcome plainCosim, PickMap.Picked alwann, List<GenerateRtl.Array> alwannRtl, List<Cosimulate.Outcome> alwannCosim,
                         MapEnergy.Breakdown mapEnergy, List<EstimateArrayEnergy.Estimate> arrayEnergy,
                         ActionEnergyTable actions, Accelerator accelerator, LayOutMap.Laid hardware, Path report,
                         double seconds) {
        /** The first cosimulation that failed, the configurable array's first; null when all passed. */
        public Cosimulate.Outcome failed() {
            List<Cosimulate.Outcome> all = new ArrayList<>(List.of(cosim, exactCosim, plainExactCosim, plainCosim));
            all.addAll(fixedCosim);
            all.addAll(alwannCosim);
            return all.stream().filter(o -> !o.passed()).findFirst().orElse(null);
        }

        public boolean passed() {
            return failed() == null && accelerator.cosim().passed();
        }
    }

    /** Indices of {@link Result#arrayEnergy}: the exact and the chosen map on the plain array, on the gated one, ALWANN's. */
    public static final int PLAIN_EXACT = 0;
    public static final int PLAIN_CHOSEN = 1;
    public static final int GATED_EXACT = 2;
    public static final int GATED_CHOSEN = 3;
    public static final int GATED_ALWANN = 4;

    /** The chosen map on the accelerator around the configurable array: its configuration, cosimulation and energy. */
    public record Accelerator(AcceleratorConfig config, CosimulateAccelerator.Outcome cosim,
                              EstimateAcceleratorEnergy.Estimate energy) {
    }

    private MainFlow() {
    }

    /**
     * Stages 1 and 2, what {@code maxdnn explore} runs: the energy table, then the exploration into {@code out},
     * its candidates scored by {@code evaluators}.
     */
    public static ExploreMaps.Explored explore(Workload work, EnergySource energy, List<String> alwannTables,
                                               ExploreMaps.Settings search, int threads, MapEvaluator.Factory evaluators,
                                               Path out, ExploreMaps.Clean clean, FlowListener listener) {
        DataSplit.check(work.dataSet(), "the samples of " + work.net().model().file().getFileName());
        EnergyTable table = energy.table(energy.characterise(listener));
        return ExploreMaps.run(new ExploreMaps.Request(work, table, alwannTables, search, threads, evaluators, out, clean),
                listener);
    }

    public static Result run(Request q, FlowListener listener) {
        long t0 = System.nanoTime();
        Path out = q.out();
        Hardware hw = q.hardware();
        ExploreMaps.Settings search = q.search().settings();
        DataSplit.check(q.work().dataSet(), "the samples of " + q.work().net().model().file().getFileName());
        listener.stage("1/4 energy characterisation and exploration");
        CharacteriseEnergy.Characterised characterised = q.energy().characterise(listener);
        EnergyTable table = q.energy().table(characterised);
        ExploreMaps.Explored explored = ExploreMaps.run(new ExploreMaps.Request(q.work(), table, q.search().alwannTables(),
                search, q.search().threads(), MapEvaluator.Factory.IN_PROCESS, out.resolve("explore"), q.clean()), listener);
        PickMap.Picked picked = PickMap.pick(explored, out.resolve("chosen-map.json"));
        PickMap.Picked alwann = PickMap.alwann(explored, search.maxLossPts(), out.resolve("alwann-map.json"));

        listener.stage("2/4 RTL of the chosen map");
        // the energy-proportional array (SPEC §6.1); today's plain one is the baseline of the array's energy
        ArrayConfig gated = hw.array().withGating(true);
        ArrayConfig plain = hw.array().withGating(false);
        GenerateRtl.Generated rtl = GenerateRtl.forMap(q.work().net(), picked.map(), gated, hw.assets(),
                out.resolve("rtl"), listener);
        List<GenerateRtl.Array> alwannRtl = alwann == null ? List.of() : GenerateRtl.alwann(q.work().net(), alwann.map(),
                gated, hw.assets(), out.resolve("rtl/alwann"), listener);

        listener.stage("3/4 cosimulation of the chosen map");
        Workload cosimImages = q.work().first(hw.cosimImages());
        String mapName = picked.file().getFileName().toString();
        ArrayConfig array = rtl.configurable().design();
        Cosimulate.Outcome cosim = Cosimulate.run(Cosimulate.Request.of(picked.map(), mapName, array, null, hw.processes(),
                out.resolve("cosim")).withToggles(out.resolve("cosim/toggles.csv")), cosimImages, listener);
        // the exact map's counts on the same array and images, for the array-level comparison
        Cosimulate.Outcome exactCosim = Cosimulate.run(Cosimulate.Request.of(ApproxMap.exact(), "exact", array, null,
                hw.processes(), out.resolve("cosim/exact")).withToggles(out.resolve("cosim/exact/toggles.csv")).withoutVcd(),
                cosimImages, listener);
        // both maps on today's plain array, the baseline (and the array the accelerator holds)
        Cosimulate.Outcome plainExactCosim = Cosimulate.run(Cosimulate.Request.of(ApproxMap.exact(), "exact", plain, null,
                hw.processes(), out.resolve("cosim/plain/exact")).withToggles(out.resolve("cosim/plain/exact/toggles.csv"))
                .withoutVcd(), cosimImages, listener);
        Cosimulate.Outcome plainCosim = Cosimulate.run(Cosimulate.Request.of(picked.map(), mapName, plain, null,
                hw.processes(), out.resolve("cosim/plain")).withToggles(out.resolve("cosim/plain/toggles.csv")).withoutVcd(),
                cosimImages, listener);
        List<Cosimulate.Outcome> fixedCosim = new ArrayList<>();
        for (GenerateRtl.Array a : rtl.fixed()) {
            fixedCosim.add(Cosimulate.run(Cosimulate.Request.of(picked.map(), mapName, a.design(), hw.assets(),
                    hw.processes(), out.resolve("cosim").resolve(a.design().moduleName())), cosimImages, listener));
        }

        // the baseline runs in hardware too: each EvoApprox layer of ALWANN's map on its fixed array
        List<Cosimulate.Outcome> alwannCosim = new ArrayList<>();
        for (GenerateRtl.Array a : alwannRtl) {
            alwannCosim.add(Cosimulate.run(Cosimulate.Request.of(alwann.map(), alwann.file().getFileName().toString(),
                    a.design(), hw.assets(), hw.processes(), out.resolve("cosim/alwann").resolve(a.design().moduleName())),
                    cosimImages, listener));
        }

        listener.stage("4/4 the accelerator, energy of the chosen map and report");
        MapEnergy.Breakdown e = EstimateEnergy.of(q.work().net(), picked.map(), table);
        ActionEnergyTable actions = q.energy().actions(characterised);
        List<EstimateArrayEnergy.Estimate> arrayEnergy = new ArrayList<>(List.of(
                EstimateArrayEnergy.of("exact, plain array", plainExactCosim, plain, e.exactPj(), actions),
                EstimateArrayEnergy.of(mapName + ", plain array", plainCosim, plain, e.pj(), actions),
                EstimateArrayEnergy.of("exact", exactCosim, array, e.exactPj(), actions),
                EstimateArrayEnergy.of(mapName, cosim, array, e.pj(), actions)));
        if (alwann != null) {
            // its EvoApprox layers run on fixed arrays: its other actions are the exact map's, its multipliers its own
            arrayEnergy.add(EstimateArrayEnergy.of(alwann.file().getFileName().toString(), exactCosim, array,
                    EstimateEnergy.of(q.work().net(), alwann.map(), table).pj(), actions));
        }
        ArrayEnergy.Breakdown plainExact = arrayEnergy.get(PLAIN_EXACT).energy();
        ArrayEnergy.Breakdown gatedExact = arrayEnergy.get(GATED_EXACT).energy();
        ArrayEnergy.Breakdown gatedChosen = arrayEnergy.get(GATED_CHOSEN).energy();
        listener.note(String.format(Locale.ROOT, "whole array per image: exact map on the plain array %.3f uJ (multipliers "
                        + "%.0f%%); on the gated array %.3f uJ (multipliers %.0f%%, saving %.1f%%); chosen map on it %.3f uJ: "
                        + "saving %.1f%% against the plain array's exact map (%.1f%% on the plain array), %.1f%% at "
                        + "multiplier level", plainExact.totalPj() / 1e6, 100 * plainExact.multiplierShare(),
                gatedExact.totalPj() / 1e6, 100 * gatedExact.multiplierShare(),
                100 * (1 - gatedExact.totalPj() / plainExact.totalPj()), gatedChosen.totalPj() / 1e6,
                100 * (1 - gatedChosen.totalPj() / plainExact.totalPj()),
                100 * (1 - arrayEnergy.get(PLAIN_CHOSEN).energy().totalPj() / plainExact.totalPj()), e.savingPct()));
        // the accelerator holds today's plain array, as before
        Accelerator accelerator = accelerator(q, picked.map(), mapName, plain, arrayEnergy.get(PLAIN_CHOSEN).energy(),
                actions, listener);
        LayOutMap.Laid hardware = null;
        if (hw.layoutClockNs() > 0) {
            listener.stage("layout of the chosen map's configurations (qflow)");
            hardware = LayOutMap.run(q.work(), picked.map(), hw.assets(), hw.layoutClockNs(), out.resolve("layout"),
                    listener);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Result result = new Result(characterised, table, explored, picked, rtl, cosim, fixedCosim, exactCosim,
                plainExactCosim, plainCosim, alwann,
                alwannRtl, alwannCosim, e, arrayEnergy, actions, accelerator, hardware, out.resolve("report.html"), seconds);
        WriteReport.write("MAx-DNN run: " + q.work().net().model().file().getFileName() + " with ROUP multipliers", result,
                RunSections.ALL, result.report(), listener);
        listener.note(String.format(Locale.ROOT, "saving %.1f%% at %s%s; report %s (%.0f s in all)", e.savingPct(),
                picked.point() != null ? Selection.validationText(picked.point()) : "no loss (the exact map)",
                explored.clean() == null || picked.point() == null ? "" : "; " + explored.clean().text("chosen"),
                result.report(), seconds));
        return result;
    }

    /**
     * The chosen map through the accelerator around the configurable array (memories holding the
     * network's layers), one input, every layer's int8 output checked; its energy per inference with
     * array, memories and sequencer side by side.
     */
    private static Accelerator accelerator(Request q, ApproxMap map, String mapName, ArrayConfig array,
                                           ArrayEnergy.Breakdown chosenArray, ActionEnergyTable actions,
                                           FlowListener listener) {
        AcceleratorConfig config = AcceleratorConfig.holding(array, List.of(q.work().net()),
                AcceleratorConfig.MemoryStyle.FLOPS);
        Path dir = q.out().resolve("accelerator");
        GenerateRtl.accelerator(config, null, q.out().resolve("rtl"));
        CosimulateAccelerator.Outcome cosim = CosimulateAccelerator.run(new CosimulateAccelerator.Request(map, mapName,
                config, null, CosimDriver.Simulator.VERILATOR, Cosimulate.DEFAULT_CLOCK_MHZ, null, true, dir),
                q.work().first(1), listener);
        EstimateAcceleratorEnergy.Estimate energy = EstimateAcceleratorEnergy.of(config, cosim, chosenArray, actions,
                q.energy().liberty(), dir.resolve("memories"), listener);
        return new Accelerator(config, cosim, energy);
    }
}
