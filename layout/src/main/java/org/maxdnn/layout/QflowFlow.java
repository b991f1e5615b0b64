package org.maxdnn.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ChildProcesses;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.sim.LatchMap;

/**
 * Runs qflow on one design in a project folder of its own, stage by stage, as
 * {@code qflow STAGE -T osu018 TOP}: synthesize (Yosys, flattened first, see {@link #synthScript};
 * abc; fanout buffering), place (graywolf, clock-tree-free: qflow buffers the clock at synthesis),
 * route (qrouter, with the metal minimum areas in its LEF, see {@link MinAreaLef}; then extraction
 * to RC), backanno (vesta on the routed netlist with the extracted delays; SPEF and SDF written),
 * migrate (the layout into magic; before it the routed DEF is touched up: vias that connect nothing
 * removed, see {@link DanglingVias}, the I/O pins given the metal minimum area, see {@link PinPads},
 * gaps within a net closed, see {@link SameNetGaps}), drc (magic) and lvs (netgen); a layout that is
 * not clean is placed and routed again at a lower density. Each stage's console output is kept in
 * {@code log/STAGE.out} beside qflow's own logs. DRC and LVS failures do not stop the run: they are
 * results, read from the logs.
 */
public final class QflowFlow {
    /** The stages in order. */
    public static final List<String> STAGES = List.of("synthesize", "place", "route", "backanno", "migrate", "drc",
            "lvs");
    /** Wall time a stage may take unless the caller says otherwise (layout --stage-limit). */
    public static final long DEFAULT_STAGE_LIMIT_SECONDS = 3600;

    /**
     * How hard the flow may work.
     *
     * @param stageLimitSeconds wall time a stage may take before it is stopped and the run fails
     * @param placeFast graywolf's {@code TWSC*fast}: its annealing tries this many times fewer moves per
     *                  cell at each temperature (1: qflow's default placement); faster, a longer wire
     * @param density the first placement's density (qflow's {@code initial_density}: fill cells spread the
     *                cells to it, a larger die with more routing tracks per net); null: qflow's default
     *                packing. A run that is not clean is retried at the {@link #RETRY_DENSITIES} below it
     * @param routeCleanup qrouter's clean-up (its stage 3) after every net is routed; false skips it
     *                     ({@link #withoutRouteCleanup})
     */
    public record Effort(long stageLimitSeconds, int placeFast, Double density, boolean routeCleanup) {
        /** qflow's own placement, each stage stopped after {@link #DEFAULT_STAGE_LIMIT_SECONDS}. */
        public static final Effort DEFAULT = new Effort(DEFAULT_STAGE_LIMIT_SECONDS, 1, null, true);

        public Effort {
            if (stageLimitSeconds < 1 || placeFast < 1) {
                throw new IllegalArgumentException("stage limit and placement speed-up must be >= 1");
            }
            if (density != null && !(density > 0 && density <= 1)) {
                throw new IllegalArgumentException("placement density must be in (0, 1], not " + density);
            }
        }

        /** The densities of the placements tried in turn: the first, then each retry's. */
        List<Double> densities() {
            List<Double> d = new ArrayList<>();
            d.add(density);
            for (double r : RETRY_DENSITIES) {
                if (density == null || r < density) {
                    d.add(r);
                }
            }
            return d;
        }
    }
    /**
     * When a layout is not clean (a net qrouter could not route in a crowded spot), it is placed and
     * routed again with the cells spread to these densities in turn; qflow's default packs them at
     * about 85 %.
     */
    static final double[] RETRY_DENSITIES = {0.75, 0.65};
    /** The technology LEF qflow is given, in the project folder ({@link MinAreaLef}). */
    static final String MIN_AREA_LEF = QflowTools.TECH + "_stdcells_minarea.lef";
    /** The high-level synthesis step qflow runs before its own mapping ({@link #synthScript}). */
    static final String SYNTH_SCRIPT = "synth.ys";

    /**
     * A finished run.
     *
     * @param dir the project folder
     * @param top the top module
     * @param stageSeconds wall time per stage
     * @param stageExitCodes qflow's exit code per stage (non-zero only for drc/lvs, which report failures so)
     * @param pinsPadded I/O pins lengthened to the metal minimum area before migrate ({@link PinPads})
     * @param attempts placements tried (see {@link #RETRY_DENSITIES})
     * @param initialDensity the placement density of the last attempt, null for qflow's default
     */
    public record Run(Path dir, String top, Map<String, Double> stageSeconds, Map<String, Integer> stageExitCodes,
                      int pinsPadded, int attempts, Double initialDensity) {
        public Path file(String suffix) {
            return dir.resolve(top + suffix);
        }

        public Path log(String name) {
            return dir.resolve("log").resolve(name);
        }
    }

    private QflowFlow() {
    }

    /**
     * Lays out {@code design} in {@code dir} (emptied first when it holds an earlier run), timing
     * checked at {@code clockPeriodPs}, with {@code effort}'s stage limit and placement.
     * {@code progress} gets a line per stage.
     */
    public static Run run(LayoutDesign design, Path dir, double clockPeriodPs, Effort effort,
                          Consumer<String> progress) {
        QflowTools.require();
        prepare(dir);
        if (effort.placeFast() > 1) {
            // qflow copies the technology's graywolf parameters only into a project that has none
            Path techPar = QflowTools.TECH_DIR.resolve(QflowTools.TECH + ".par");
            AtomicFiles.writeString(dir.resolve(design.top() + ".par"), fastPlacement(read(techPar), effort.placeFast(),
                    techPar.toString()));
        }
        AtomicFiles.writeString(dir.resolve("source").resolve(design.top() + ".v"), design.verilog());
        Path lef = dir.resolve(MIN_AREA_LEF);
        AtomicFiles.writeString(lef, MinAreaLef.withMinArea(read(QflowTools.lef()), QflowTools.lef().toString()));
        Path synth = dir.resolve(SYNTH_SCRIPT);
        AtomicFiles.writeString(synth, synthScript(design.top(), LatchMap.write(QflowTools.liberty(), dir)));
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Integer> exits = new LinkedHashMap<>();
        int padded = 0;
        List<Double> densities = effort.densities();
        for (int attempt = 0; ; attempt++) {
            Double density = densities.get(attempt);
            AtomicFiles.writeString(dir.resolve("project_vars.sh"), projectVars(clockPeriodPs, density,
                    lef.toAbsolutePath(), synth.toAbsolutePath()));
            for (String stage : attempt == 0 ? STAGES : STAGES.subList(1, STAGES.size())) {
                if (stage.equals("migrate")) {
                    TouchUp t = touchUp(dir.resolve(design.top() + ".def"), lef);
                    padded = t.pinsPadded();
                    progress.accept(String.format(Locale.ROOT, "%s: %d dangling vias removed, %d pins lengthened to "
                            + "the metal minimum area, %d same-net gaps closed%s", design.name(), t.viasRemoved(), padded,
                            t.gapsClosed(), t.gapsLeft() == 0 ? "" : " (" + t.gapsLeft() + " left: their ends do not line up)"));
                }
                long t0 = System.nanoTime();
                if (stage.equals("place") && effort.placeFast() > 1) {
                    writePins(dir, design.top(), lef, effort.stageLimitSeconds());
                }
                if (stage.equals("route") && !effort.routeCleanup()) {
                    Path cfg = dir.resolve(design.top() + ".cfg"); // written by qflow's place stage
                    AtomicFiles.writeString(cfg, withoutRouteCleanup(read(cfg), cfg.toString()));
                }
                int exit = stage(dir, design.top(), stage, effort.stageLimitSeconds());
                double s = (System.nanoTime() - t0) / 1e9;
                seconds.merge(stage, s, Double::sum);
                exits.put(stage, exit);
                progress.accept(String.format(Locale.ROOT, "%s: %s %.1f s%s", design.name(), stage, s,
                        exit == 0 ? "" : " (reported failures)"));
                if (exit != 0 && !stage.equals("drc") && !stage.equals("lvs")) {
                    Path log = dir.resolve("log").resolve(stage + ".out");
                    throw MaxdnnException.badInput("qflow " + stage + " failed on " + design.name() + " (exit " + exit
                            + "); see " + log + ":\n" + tailOf(log));
                }
            }
            if (attempt == densities.size() - 1 || clean(dir, design.top())) {
                return new Run(dir, design.top(), seconds, exits, padded, attempt + 1, density);
            }
            progress.accept(String.format(Locale.ROOT, "%s: DRC or LVS not clean; placing again at density %.2f "
                    + "(this attempt's logs: log/attempt%d)", design.name(), densities.get(attempt + 1), attempt + 1));
            keepLogs(dir, attempt + 1);
        }
    }

    /** Routed, DRC and LVS clean, by the logs of the stages just run. */
    private static boolean clean(Path dir, String top) {
        Path log = dir.resolve("log");
        return QrouterLog.failedRoutes(read(log.resolve("route.log")), "route.log") == 0
                && MagicDrc.violations(read(log.resolve("drc.log")), "drc.log") == 0
                && LvsReport.parse(read(log.resolve("lvs.log")), read(dir.resolve("comp.json")), "lvs.log").clean();
    }

    /** Copies the logs of a failed attempt to {@code log/attemptN}, so that the next one does not overwrite them. */
    private static void keepLogs(Path dir, int attempt) {
        Path log = dir.resolve("log");
        Path keep = log.resolve("attempt" + attempt);
        try (Stream<Path> s = Files.list(log)) {
            Files.createDirectories(keep);
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, keep.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot keep the logs of " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * graywolf's parameters for {@code layout --place-fast N}: the technology's {@code techPar} with
     * {@code TWSC*fast : N} (N times fewer annealing moves per cell at each temperature) and its own
     * global routing switched off ({@code TWSC*do.global.route : off}). That global routing (eight
     * rounds of row evening, coarse channel routing, Steiner-tree cell swaps and track assignment,
     * the best kept) serves graywolf's own channel router; qflow ignores its feedthroughs
     * ({@code TWSC*ignore_feeds}) and routes over the cells with qrouter, and on tens of thousands of
     * cells the rounds take several times as long as the annealing. Without it graywolf writes no
     * {@code TOP.pin}, so the flow writes it before the place stage ({@link GraywolfPins}); the rows
     * are left as the annealing evened them, so the die may come out a little wider.
     */
    static String fastPlacement(String techPar, int placeFast, String where) {
        String globalRoute = "(?m)^(TWSC\\*do\\.global\\.route\\s*:\\s*)on\\s*$";
        if (!java.util.regex.Pattern.compile(globalRoute).matcher(techPar).find()) {
            throw MaxdnnException.badInput(where + ": no line 'TWSC*do.global.route : on' to switch off");
        }
        return techPar.replaceAll(globalRoute, "$1off") + "\n# maxdnn layout --place-fast: annealing "
                + placeFast + " times faster, no graywolf global routing (qrouter routes)\nTWSC*fast : " + placeFast + "\n";
    }

    /**
     * qrouter's script for {@code layout --no-route-cleanup}: qflow's {@code TOP.cfg} with its
     * {@code qrouter::standard_route FILE false} given {@code nocleanup true}. Once every net is routed
     * (stages 1 and 2), the clean-up stage 3 rips up and routes again every net, twice, for shorter
     * wires and fewer vias; on the accelerator's 39,000 nets a round takes longer than the first
     * routing of them all. The routes are complete and checked (DRC, LVS) without it.
     */
    static String withoutRouteCleanup(String cfg, String where) {
        String route = "(?m)^(qrouter::standard_route\\s+\\S+\\s+false)\\s*$";
        if (!java.util.regex.Pattern.compile(route).matcher(cfg).find()) {
            throw MaxdnnException.badInput(where + ": no line 'qrouter::standard_route FILE false' to add nocleanup to");
        }
        return cfg.replaceAll(route, "$1 true");
    }

    /**
     * Yosys's high-level synthesis of {@code top}, flattened before logic mapping. qflow's own step
     * ({@code synth -top}) maps each module apart and flattens after, so a constant at a module
     * boundary (a perforated multiplier's zero product bits into the partial-sum adder, an EvoApprox
     * circuit's constant outputs) survives as cell pins tied to the gnd net, which qrouter then
     * routes to the power rail: metal1 closer than the minimum spacing to the rail (pe:lut:mul8u_JV3),
     * or a gnd net left unrouted (the 4×4 fixed array). Flattened first, the constants fold away.
     */
    static String synthScript(String top) {
        return synthScript(top, null);
    }

    /**
     * As {@link #synthScript(String)}, generic latches (a clock gate's, SPEC §6.1) mapped onto the
     * liberty's latch cell by {@code latchMap} ({@link LatchMap}; null: none), which qflow's own mapping
     * would leave unmapped.
     */
    static String synthScript(String top, Path latchMap) {
        return "# high-level synthesis for qflow, written by maxdnn layout\nsynth -flatten -top " + top + "\n"
                + (latchMap == null ? "" : "techmap -map " + latchMap.toAbsolutePath() + "\n"); // qflow's Yosys runs elsewhere
    }

    /**
     * qflow's project options: SystemVerilog input (firtool's output uses {@code always_comb}), the
     * flattening synthesis script ({@link #synthScript}), the technology LEF with the metal minimum
     * areas and stacked vias allowed (see {@link MinAreaLef}), vesta checking the clock period (in ps)
     * so that it prints slacks and a verdict, and on a retry the placement density (qflow's decongest
     * spreads the cells with fill to reach it).
     */
    static String projectVars(double clockPeriodPs, Double initialDensity, Path lef, Path synthScript) {
        return "# qflow project options written by maxdnn layout\n"
                + "set is_system_verilog = 1\n"
                + "set yosys_script = " + synthScript + "\n"
                + "set leffile = " + lef + "\n"
                + "set via_stacks = all\n"
                + (initialDensity == null ? "" : String.format(Locale.ROOT, "set initial_density = %.2f%n", initialDensity))
                + String.format(Locale.ROOT, "set vesta_options = \"--period %.0f --summary reports --long\"%n",
                        clockPeriodPs);
    }

    private static int stage(Path dir, String top, String stage, long limitSeconds) {
        Path out = dir.resolve("log").resolve(stage + ".out");
        List<String> cmd = new ArrayList<>(List.of(ExternalTool.QFLOW.locate().toString(), stage, "-T",
                QflowTools.TECH, top));
        return runLogged(dir, cmd, out, limitSeconds, "qflow " + stage,
                " (layout --stage-limit S raises the limit)");
    }

    /**
     * The mark of a net of a fanout buffer tree in qflow's netlist ({@code NET_bF$bufN}), by which
     * {@code blif2cel.tcl} makes the tree's sinks a swap group: graywolf's annealing may then hand a
     * sink to another buffer of the tree, and only its global routing writes those swaps out (in
     * {@code TOP.pin}). Without that global routing the nets are renamed ({@link #FIXED_BUFFER}) before
     * placement, so graywolf places the trees as synthesised, which the written {@code TOP.pin} describes.
     */
    static final String SWAPPABLE_BUFFER = "_bF$buf";
    static final String FIXED_BUFFER = "_bF_buf";

    /** qflow's netlist {@code blif} with its fanout buffer trees' nets renamed so that they make no swap groups. */
    static String withoutSwapGroups(String blif) {
        return blif.replace(SWAPPABLE_BUFFER, FIXED_BUFFER);
    }

    /**
     * Writes {@code TOP.pin} for a placement without graywolf's global routing ({@link GraywolfPins}):
     * qflow's own {@code blif2cel.tcl} (from the project's {@code scriptdir}) makes graywolf's cell
     * file from the synthesised netlist, as the place stage will, into {@code TOP.pins.cel}; the
     * place stage's check for {@code TOP.pin} after graywolf then passes, and {@code place2def.tcl}
     * reads the nets from it. Its output is in {@code log/pins.out}.
     */
    private static void writePins(Path dir, String top, Path lef, long limitSeconds) {
        Path blif = dir.resolve(top + ".blif");
        String netlist = read(blif);
        String fixed = withoutSwapGroups(netlist);
        if (!fixed.equals(netlist)) {
            AtomicFiles.writeString(blif, fixed);
        }
        Path vars = dir.resolve("qflow_vars.sh");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^set scriptdir\\s*=\\s*(\\S+)\\s*$")
                .matcher(read(vars));
        if (!m.find()) {
            throw MaxdnnException.badInput(vars + ": no 'set scriptdir=...' line; cannot find qflow's blif2cel.tcl");
        }
        Path cel = dir.resolve(top + ".pins.cel");
        List<String> cmd = List.of(Path.of(m.group(1), "blif2cel.tcl").toString(), "--blif",
                dir.resolve(top + ".blif").toAbsolutePath().toString(), "--lef", lef.toAbsolutePath().toString(),
                "--cel", cel.toAbsolutePath().toString());
        Path out = dir.resolve("log").resolve("pins.out");
        int exit = runLogged(dir, cmd, out, limitSeconds, "blif2cel.tcl", "");
        if (exit != 0 || !Files.isRegularFile(cel)) {
            throw MaxdnnException.badInput("blif2cel.tcl failed on " + top + " (exit " + exit + "); see " + out + ":\n"
                    + tailOf(out));
        }
        AtomicFiles.writeString(dir.resolve(top + ".pin"), GraywolfPins.fromCel(read(cel), cel.toString()));
        try {
            Files.delete(cel);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot delete " + cel + ": " + e.getMessage(), e);
        }
    }

    private static int runLogged(Path dir, List<String> cmd, Path out, long limitSeconds, String what, String hint) {
        try {
            Files.createDirectories(out.getParent());
            Process p = ChildProcesses.start(new ProcessBuilder(ChildProcesses.dyingWithParent(cmd))
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())));
            if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                ChildProcesses.destroyTree(p);
                throw MaxdnnException.badInput(what + " did not finish within " + limitSeconds + " s in " + dir + hint);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot run " + what + " in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MaxdnnException.badInput(what + " was interrupted", e);
        }
    }

    /**
     * What magic reads instead of the router's DEF.
     *
     * @param def the DEF text
     * @param pinsPadded pins lengthened ({@link PinPads})
     * @param gapsClosed same-net gaps closed ({@link SameNetGaps})
     * @param gapsLeft same-net gaps left as they were
     * @param viasRemoved vias that connected nothing on one side ({@link DanglingVias})
     */
    record TouchUp(String def, int pinsPadded, int gapsClosed, int gapsLeft, int viasRemoved) {
    }

    /**
     * The routed {@code def} with its dangling vias removed, its pins padded and its same-net gaps closed,
     * by the technology and cell {@code lef}.
     */
    static TouchUp touchUp(String def, String lef, String where) {
        DanglingVias.Result vias = DanglingVias.remove(def, lef, where);
        PinPads.Result pins = PinPads.pad(vias.def(), PinPads.MIN_AREA_UM2, where);
        SameNetGaps.Result gaps = SameNetGaps.close(pins.def(), lef, where);
        return new TouchUp(gaps.def(), pins.padded(), gaps.closed(), gaps.left(), vias.removed());
    }

    /** Touches up the routed DEF in place; the router's own is kept as {@code TOP.def.qrouter}. */
    private static TouchUp touchUp(Path def, Path lef) {
        String routed = read(def);
        TouchUp t = touchUp(routed, read(lef), def.toString());
        if (!t.def().equals(routed)) {
            try {
                Files.copy(def, def.resolveSibling(def.getFileName() + ".qrouter"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw MaxdnnException.badInput("cannot keep " + def + ": " + e.getMessage(), e);
            }
            AtomicFiles.writeString(def, t.def());
        }
        return t;
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    /** Creates {@code dir}, or empties it when it holds an earlier qflow run (and nothing else would be lost). */
    private static void prepare(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                boolean ours = Files.exists(dir.resolve("project_vars.sh"));
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent() && !ours) {
                        throw MaxdnnException.badInput(dir + " exists and is not a qflow project folder; choose another --out");
                    }
                }
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir.resolve("source"));
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot prepare layout folder " + dir + ": " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("qflow left no " + file + ": " + e.getMessage(), e);
        }
    }

    private static String tailOf(Path log) {
        try {
            return ExternalTool.tail(Files.readString(log), 20);
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
