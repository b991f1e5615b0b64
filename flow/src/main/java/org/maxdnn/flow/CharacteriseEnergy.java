package org.maxdnn.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.metrics.EvoApproxCatalog;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.ParameterColumns;
import org.maxdnn.rtl.Circuits;
import org.maxdnn.sim.ActionEnergyCharacterization;
import org.maxdnn.sim.EnergyCharacterization;
import org.maxdnn.sim.EnergyCrossCheck;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.IcarusActivity;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;

/**
 * Stage 1, the energy per multiplication of every configuration on every layer's real operands:
 * operand streams captured from the golden model, each generated circuit synthesised to the
 * liberty and simulated on them, and so are the EvoApprox circuits of the table multipliers (see
 * {@link EnergyCharacterization}), ranked against their published power ({@link EvoApproxRanking}).
 * Writes {@code energy-table.json} and the netlists into the output folder.
 */
public final class CharacteriseEnergy {
    /** The stream of uniform random operands characterised beside the layers, to show how much real data matters. */
    public static final String UNIFORM = "uniform-random";

    /**
     * @param work    the network and the images whose operands are captured (a few suffice)
     * @param pairs   operand pairs per layer
     * @param liberty the cell library ({@link #liberty})
     * @param evoApprox the asset folder whose EvoApprox circuits ({@link EvoApproxTables}) are measured
     *                  too and ranked against their published power; null for none
     */
    public record Request(Workload work, int pairs, Path liberty, Assets evoApprox, int threads, Path out) {
    }

    /** Images whose operands are characterised unless the user chooses them: a few suffice for operand statistics. */
    public static final int OPERAND_IMAGES = 4;

    /** The file of energy per action beside an energy table (an input a user may edit or replace). */
    public static final String ACTIONS_FILE = "action-energy.csv";

    /**
     * The table with the per-design details behind it and the streams it was measured on, and the
     * energy per action of the PE's other parts ({@link ActionEnergyCharacterization}, written
     * beside the table as {@link #ACTIONS_FILE}) and the EvoApprox circuits' ranking against their
     * published power (null without circuits).
     */
    public record Characterised(EnergyCharacterization.Result result, Map<String, OperandStream> streams, Path liberty,
                                Path tableFile, ActionEnergyTable actions, EvoApproxRanking ranking) {
        public EnergyTable table() {
            return result.table();
        }
    }

    /** Operand pairs of the first layer's stream that the activity check simulates in Icarus. */
    public static final int CROSS_CHECK_PAIRS = 2000;

    /**
     * One configuration's two checks of its reported figure: the nets whose toggles in Icarus
     * differ from the Java simulation's (of {@code netsProbed}), and OpenSTA's energy per
     * transition against {@link org.maxdnn.sim.EnergyModel#evaluate}'s.
     */
    public record CrossCheck(MultiplierConfig config, int netsProbed, List<IcarusActivity.Mismatch> activityMismatches,
                             EnergyCrossCheck.Result energy) {
    }

    private CharacteriseEnergy() {
    }

    /** {@code given} when set (it must exist), else Debian's osu018 library, the default (SPEC §8). */
    public static Path liberty(Path given) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw MaxdnnException.badInput("liberty file " + given + " does not exist");
            }
            return given;
        }
        if (!Files.isRegularFile(Liberty.OSU018)) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "liberty " + Liberty.OSU018
                    + " is missing: install it with 'apt-get install qflow-tech-osu018' (or pass --liberty FILE)");
        }
        return Liberty.OSU018;
    }

    public static Characterised run(Request q, FlowListener listener) {
        Workload w = q.work();
        Map<String, OperandStream> streams = new LinkedHashMap<>(capture(w, q.pairs()));
        streams.put(UNIFORM, OperandStreams.uniform(q.pairs(), 1));
        return run(q, streams, String.format(Locale.ROOT, "%d real operand pairs per layer from %d images", q.pairs(),
                w.images().size()), listener);
    }

    /** What {@link #runShared} measured: an energy table per network, and the array's energy per action. */
    public record Shared(Map<String, EnergyTable> tables, ActionEnergyTable actions) {
        public Shared {
            tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        }
    }

    /**
     * One characterisation for several networks ({@code q}'s workload is ignored): each circuit
     * synthesised once and simulated on every network's layer streams, then one table per network
     * (keyed by its own layer names), each written to {@code q.out()/NAME/energy-table.json}.
     *
     * @param works the networks by name, each with the images whose operands are captured
     */
    public static Shared runShared(Request q, Map<String, Workload> works, FlowListener listener) {
        Map<String, OperandStream> streams = new LinkedHashMap<>();
        works.forEach((name, w) -> capture(w, q.pairs()).forEach((layer, s) -> streams.put(name + "/" + layer, s)));
        streams.put(UNIFORM, OperandStreams.uniform(q.pairs(), 1));
        Characterised c = run(q, streams, String.format(Locale.ROOT, "%d real operand pairs per layer of each of %d "
                + "networks (%d layers), once for all", q.pairs(), works.size(), streams.size() - 1), listener);
        EnergyTable all = c.table();
        Map<String, EnergyTable> out = new LinkedHashMap<>();
        for (String name : works.keySet()) {
            Map<String, Map<String, Double>> pj = new LinkedHashMap<>();
            all.pj().forEach((layer, m) -> {
                if (layer.startsWith(name + "/")) {
                    pj.put(layer.substring(name.length() + 1), m);
                }
            });
            EnergyTable t = new EnergyTable(all.library(), all.method(), pj);
            t.write(q.out().resolve(name).resolve("energy-table.json"));
            out.put(name, t);
        }
        return new Shared(out, c.actions());
    }

    /** Every conv/FC layer's operand stream of {@code w}'s images. */
    private static Map<String, OperandStream> capture(Workload w, int pairs) {
        return OperandStreams.capture(InferencePlan.compile(w.net(), ApproxMap.exact(), w.registry()), w.images(), pairs, 1);
    }

    private static Characterised run(Request q, Map<String, OperandStream> streams, String operands,
                                     FlowListener listener) {
        Workload w = q.work();
        Assets assets = q.evoApprox();
        List<Circuit> circuits = new ArrayList<>(Circuits.of(MultiplierCatalog.circuits(), assets));
        int generated = circuits.size();
        if (assets != null) {
            circuits.addAll(Circuits.of(MultiplierCatalog.onTables(EvoApproxTables.in(assets.lutDir())), assets));
        }
        long netlists = circuits.stream().map(Circuit::module).distinct().count();
        listener.note(String.format(Locale.ROOT, "characterising %d generated configurations and %d EvoApprox circuits "
                + "on %s, %s", generated, netlists - generated, q.liberty().getFileName(), operands));
        long t0 = System.nanoTime();
        EnergyCharacterization.Result r = EnergyCharacterization.run(streams, circuits, q.liberty(),
                q.out().resolve("netlists"), q.threads(), done -> listener.progress("synthesise+simulate", done, (int) netlists));
        listener.note(String.format(Locale.ROOT, "characterised %d circuits in %.1f s", netlists,
                (System.nanoTime() - t0) / 1e9));
        Path file = q.out().resolve("energy-table.json");
        r.table().write(file);
        listener.note("wrote " + file);
        Map.Entry<String, OperandStream> first = streams.entrySet().iterator().next();
        ActionEnergyTable actions = ActionEnergyCharacterization.run(first.getValue(), w.registry().get(MultiplierConfig.EXACT),
                q.liberty(), q.out().resolve("netlists").resolve("pe-parts"));
        actions.write(file.resolveSibling(ACTIONS_FILE));
        listener.note("wrote " + file.resolveSibling(ACTIONS_FILE));
        EvoApproxRanking ranking = assets == null ? null
                : EvoApproxRanking.of(r.table(), UNIFORM, EvoApproxCatalog.read(assets.evoApproxMetrics()));
        return new Characterised(r, streams, q.liberty(), file, actions, ranking);
    }

    /**
     * The checks of the reported figure for each characterised configuration accepted by
     * {@code which}: its netlist's activity on the first {@link #CROSS_CHECK_PAIRS} pairs of the first
     * layer's stream, net by net against Icarus with the liberty's cell models, and its energy per
     * transition against OpenSTA under one uniform activity ({@link EnergyCrossCheck}). Files go
     * beside each netlist.
     */
    public static List<CrossCheck> crossCheck(Characterised c, Predicate<MultiplierConfig> which) {
        Path cells = IcarusActivity.cellModels(c.liberty());
        OperandStream full = c.streams().values().iterator().next();
        int n = Math.min(CROSS_CHECK_PAIRS, full.size());
        Map<String, int[]> inputs = Map.of("a", Arrays.copyOf(full.a(), n), "b", Arrays.copyOf(full.b(), n));
        List<CrossCheck> out = new ArrayList<>();
        for (EnergyCharacterization.Design d : c.result().designs()) {
            if (!which.test(d.config())) {
                continue;
            }
            GateLevelEnergy g = d.gates();
            Path dir = g.synthesis().dir();
            IcarusActivity.Result icarus = IcarusActivity.simulate(g.synthesis(), g.simulator(), inputs,
                    cells, dir.resolve("icarus"));
            List<IcarusActivity.Mismatch> bad = IcarusActivity.compare(icarus, g.simulator().simulate(inputs, false),
                    g.simulator().netlist());
            out.add(new CrossCheck(d.config(), icarus.nets().length, bad, g.crossCheck(dir.resolve("opensta"))));
        }
        return out;
    }

    /**
     * The characterisation as CSV, a row per circuit: {@code config,family}, the configurations'
     * parameters ({@code P,R}, 0 where a configuration has none), {@code cells,area} and its pJ
     * per multiplication on each stream (the layers, then {@link #UNIFORM}). {@code make golden}
     * writes the reviewed golden table this way.
     */
    public static void writeCsv(Characterised c, Path file) {
        List<String> streams = List.copyOf(c.streams().keySet());
        ParameterColumns columns = ParameterColumns.forTable(c.result().designs().stream()
                .map(EnergyCharacterization.Design::config).toList());
        StringBuilder csv = new StringBuilder("config,family").append(columns.header(",")).append(",cells,area");
        streams.forEach(s -> csv.append(",pj_").append(s));
        csv.append('\n');
        for (EnergyCharacterization.Design d : c.result().designs()) {
            MultiplierConfig m = d.config();
            csv.append(m.name()).append(',').append(m.family().id()).append(columns.values(m, ",", "0"))
                    .append(String.format(Locale.ROOT, ",%d,%.1f", d.cells(), d.area()));
            streams.forEach(s -> csv.append(String.format(Locale.ROOT, ",%.4f", d.pjPerLayer().get(s))));
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** The stream whose first pairs {@link #crossCheck} simulates. */
    public static String crossCheckStream(Characterised c) {
        return c.streams().keySet().iterator().next();
    }
}
