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
import org.maxdnn.io.ExternalTool;

/**
 * Runs qflow on one design in a project folder of its own, stage by stage, as
 * {@code qflow STAGE -T osu018 TOP}: synthesize (Yosys, abc, fanout buffering), place (graywolf,
 * clock-tree-free: qflow buffers the clock at synthesis), route (qrouter, then extraction to RC),
 * backanno (vesta on the routed netlist with the extracted delays; SPEF and SDF written), migrate
 * (the layout into magic), drc (magic) and lvs (netgen). Each stage's console output is kept in
 * {@code log/STAGE.out} beside qflow's own logs. DRC and LVS failures do not stop the run: they are
 * results, read from the logs.
 */
public final class QflowFlow {
    /** The stages in order. */
    public static final List<String> STAGES = List.of("synthesize", "place", "route", "backanno", "migrate", "drc",
            "lvs");
    private static final long STAGE_TIMEOUT_SECONDS = 3600;

    /**
     * A finished run.
     *
     * @param dir the project folder
     * @param top the top module
     * @param stageSeconds wall time per stage
     * @param stageExitCodes qflow's exit code per stage (non-zero only for drc/lvs, which report failures so)
     */
    public record Run(Path dir, String top, Map<String, Double> stageSeconds, Map<String, Integer> stageExitCodes) {
        public Path file(String suffix) {
            return dir.resolve(top + suffix);
        }

        public Path log(String name) {
            return dir.resolve("log").resolve(name);
        }

        public double totalSeconds() {
            return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private QflowFlow() {
    }

    /**
     * Lays out {@code design} in {@code dir} (emptied first when it holds an earlier run), timing
     * checked at {@code clockPeriodPs}. {@code progress} gets a line per stage.
     */
    public static Run run(LayoutDesign design, Path dir, double clockPeriodPs, Consumer<String> progress) {
        QflowTools.require();
        prepare(dir);
        AtomicFiles.writeString(dir.resolve("source").resolve(design.top() + ".v"), design.verilog());
        AtomicFiles.writeString(dir.resolve("project_vars.sh"), projectVars(clockPeriodPs));
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Integer> exits = new LinkedHashMap<>();
        for (String stage : STAGES) {
            long t0 = System.nanoTime();
            int exit = stage(dir, design.top(), stage);
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.put(stage, s);
            exits.put(stage, exit);
            progress.accept(String.format(Locale.ROOT, "%s: %s %.1f s%s", design.name(), stage, s,
                    exit == 0 ? "" : " (reported failures)"));
            if (exit != 0 && !stage.equals("drc") && !stage.equals("lvs")) {
                Path log = dir.resolve("log").resolve(stage + ".out");
                throw MaxdnnException.badInput("qflow " + stage + " failed on " + design.name() + " (exit " + exit
                        + "); see " + log + ":\n" + tailOf(log));
            }
        }
        return new Run(dir, design.top(), seconds, exits);
    }

    /**
     * qflow's project options: SystemVerilog input (firtool's output uses {@code always_comb}), and
     * vesta checking the clock period (in ps) so that it prints slacks and a verdict.
     */
    static String projectVars(double clockPeriodPs) {
        return "# qflow project options written by maxdnn layout\n"
                + "set is_system_verilog = 1\n"
                + String.format(Locale.ROOT, "set vesta_options = \"--period %.0f --summary reports --long\"%n",
                        clockPeriodPs);
    }

    private static int stage(Path dir, String top, String stage) {
        Path out = dir.resolve("log").resolve(stage + ".out");
        List<String> cmd = new ArrayList<>(List.of(QflowTools.TOOLS.get(0).locate().toString(), stage, "-T",
                QflowTools.TECH, top));
        try {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!p.waitFor(STAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw MaxdnnException.badInput("qflow " + stage + " did not finish within " + STAGE_TIMEOUT_SECONDS
                        + " s in " + dir);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot run qflow " + stage + " in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MaxdnnException.badInput("qflow " + stage + " was interrupted", e);
        }
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
