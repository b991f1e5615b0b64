package org.maxdnn.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.Netlist;
import org.maxdnn.sim.OperandStream;

/**
 * Place and route of designs with qflow ({@link QflowFlow}), read back from qflow's own outputs:
 * timing from vesta ({@code log/post_sta.log}), DRC from magic ({@code log/drc.log}), LVS from
 * netgen ({@code log/lvs.log}, {@code comp.json}), routing from qrouter ({@code log/route.log}),
 * die and wire length from the routed DEF, cells and their liberty area from the routed netlist
 * ({@code TOP.rtlnopwr.v}). Beside each layout an OpenROAD-flow-scripts folder is written. For a
 * registered multiplier circuit and an operand stream, the pre- vs post-route energy too.
 *
 * <p>Each design gets {@code OUT/NAME/qflow/} (the qflow project, all logs kept),
 * {@code OUT/NAME/openroad/} and {@code OUT/NAME/energy/}.
 */
public final class Layout {
    /**
     * @param clockPeriodNs the clock timing is checked against (and leakage is charged over)
     * @param stream operand stream for multiplier energies, or null for none
     * @param effort qflow's stage limit and placement effort
     */
    public record Options(double clockPeriodNs, OperandStream stream, QflowFlow.Effort effort) {
        /** qflow's own placement, its stages stopped after {@link QflowFlow#DEFAULT_STAGE_LIMIT_SECONDS}. */
        public Options(double clockPeriodNs, OperandStream stream) {
            this(clockPeriodNs, stream, QflowFlow.Effort.DEFAULT);
        }

        public Options {
            if (!(clockPeriodNs > 0)) {
                throw new IllegalArgumentException("clock period must be > 0 ns");
            }
        }
    }

    /**
     * Every design's layout, the qflow version, and (with two or more multiplier energies) whether
     * routing changes their energy ranking.
     */
    public record Results(String qflowVersion, String technology, double clockPeriodNs, String stream,
                          List<LayoutReport> designs, EnergyRanking ranking) {
        public boolean allClean() {
            return designs.stream().allMatch(LayoutReport::clean);
        }
    }

    private Layout() {
    }

    /** Lays out every design in turn under {@code out}. */
    public static Results runAll(List<LayoutDesign> designs, Path out, Options options, Consumer<String> progress) {
        QflowTools.require();
        String version = QflowTools.version();
        List<LayoutReport> reports = new ArrayList<>();
        List<PostRouteEnergy> energies = new ArrayList<>();
        for (LayoutDesign d : designs) {
            LayoutReport r = run(d, out, options, progress);
            reports.add(r);
            if (r.energy() != null) {
                energies.add(r.energy());
            }
        }
        return new Results(version, QflowTools.TECH, options.clockPeriodNs(),
                options.stream() == null ? null : options.stream().name(), reports,
                energies.size() >= 2 ? EnergyRanking.of(energies) : null);
    }

    /** Lays out one design in {@code out/NAME/}. */
    public static LayoutReport run(LayoutDesign design, Path out, Options options, Consumer<String> progress) {
        Path base = out.resolve(folderName(design.name()));
        double periodPs = options.clockPeriodNs() * 1000;
        QflowFlow.Run run = QflowFlow.run(design, base.resolve("qflow"), periodPs, options.effort(),
                progress);
        String staLog = run.log("post_sta.log").toString();
        StaticTiming timing = StaticTiming.parseVesta(QflowFlow.read(run.log("post_sta.log")), periodPs, staLog);
        int drc = MagicDrc.violations(QflowFlow.read(run.log("drc.log")), run.log("drc.log").toString());
        LvsReport lvs = LvsReport.parse(QflowFlow.read(run.log("lvs.log")),
                QflowFlow.read(run.dir().resolve("comp.json")), run.log("lvs.log").toString());
        int failed = QrouterLog.failedRoutes(QflowFlow.read(run.log("route.log")), run.log("route.log").toString());
        DefLayout def = DefLayout.parse(QflowFlow.read(run.file(".def")), run.file(".def").toString());
        Liberty liberty = GateLevelEnergy.library(QflowTools.liberty());
        Netlist routed = RoutedNetlist.read(run.file(".rtlnopwr.v"), design.top(), QflowTools.liberty(), run.dir());
        double area = 0;
        for (Netlist.Cell c : routed.cells()) {
            area += liberty.cell(c.type()).area();
        }
        Path openRoad = OpenRoadDesign.write(design, base.resolve("openroad"), options.clockPeriodNs());
        PostRouteEnergy energy = null;
        if (design.isMultiplier() && options.stream() != null) {
            long t0 = System.nanoTime();
            Spef spef = Spef.parse(QflowFlow.read(run.file(".spef")), run.file(".spef").toString());
            energy = PostRouteEnergy.measure(design.circuit(), routed, spef,
                    liberty, QflowTools.liberty(), options.stream(), options.clockPeriodNs() * 1e-9,
                    base.resolve("energy"));
            progress.accept(String.format(Locale.ROOT, "%s: energy on %s %.1f s", design.name(),
                    options.stream().name(), (System.nanoTime() - t0) / 1e9));
        }
        return new LayoutReport(design.name(), design.top(), run.dir().toString(), openRoad.toString(), routed.cells().size(), area,
                def.dieAreaUm2(), def.wireLengthUm(), failed, run.pinsPadded(), run.attempts(), run.initialDensity(), timing, drc, lvs, run.stageSeconds(), energy);
    }

    /** A folder name for a design name ("lut:mul8u_125K" → "lut-mul8u_125K"). */
    static String folderName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "-");
    }
}
