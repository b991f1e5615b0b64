package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.ParameterColumns;
import org.maxdnn.report.Column;
import org.maxdnn.report.ReportSection;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;
import org.maxdnn.sim.EnergyCharacterization;
import org.maxdnn.sim.EnergyCrossCheck;

/**
 * The report of the energy characterisation (stage 1, {@code maxdnn energy}), in {@link #ALL}'s
 * order; {@code run}'s report shows its ranking of the EvoApprox circuits and its energy per action.
 */
public final class EnergySections {
    /**
     * What the report shows: the characterisation, the network whose MACs weight each configuration's
     * energy, and the checks of the reported figure (null when not run).
     */
    public record Characterisation(CharacteriseEnergy.Characterised characterised, Network net,
                                   List<CharacteriseEnergy.CrossCheck> checks) {
        /** Nets whose toggles differ between Icarus and the gate simulator, over every check. */
        public long netsDiffering() {
            return checks == null ? 0 : checks.stream().mapToLong(x -> x.activityMismatches().size()).sum();
        }
    }

    /** Every section of the characterisation's report, in order. */
    public static final List<ReportSection<Characterisation>> ALL = List.of(
            EnergySections::configurations,
            EnergySections::dataDependence,
            c -> actions(c.characterised().actions()),
            c -> evoApproxRanking(c.characterised()),
            EnergySections::crossChecks);

    /** The configurations whose data dependence is shown: exact and three of the ROUP families'. */
    private static final List<String> DATA_DEPENDENCE = List.of("exact", "roup-p1r2", "roup-p2r0", "roupc-p0r4");

    private EnergySections() {
    }

    /** Every characterised circuit: family, parameters, cells, pJ per multiplication over the network, saving. */
    static Section configurations(Characterisation in) {
        EnergyCharacterization.Result r = in.characterised().result();
        double exact = weightedPj(r.table(), in.net(), MultiplierConfig.EXACT);
        ParameterColumns parameters = ParameterColumns.forTable(r.designs().stream().map(EnergyCharacterization.Design::config)
                .toList());
        List<Column> columns = new ArrayList<>(List.of(Column.text("config", "config"), Column.text("family", "family")));
        parameters.names().forEach(n -> columns.add(Column.number(n, n, "", "%d")));
        columns.addAll(List.of(Column.number("cells", "cells", "", "%d"), Column.number("pj", "pJ/op", "", "%.3f").csv("%.5f"),
                Column.number("saving_pct", "saving", "%", "%.1f").csv("%.3f"), Column.text("note", "")));
        Table.Builder t = Table.builder("configurations", "", columns.toArray(Column[]::new));
        for (EnergyCharacterization.Design d : r.designs()) {
            MultiplierConfig c = d.config();
            double pj = weightedPj(r.table(), in.net(), c);
            double saving = c.equals(MultiplierConfig.EXACT) ? 0 : 100 * (1 - pj / exact);
            List<Object> row = new ArrayList<>(List.of(c.name(), c.family().id()));
            parameters.names().forEach(n -> row.add(c.parameters().getOrDefault(n, 0)));
            row.addAll(List.of(d.cells(), pj, saving, saving <= 0 && !c.equals(MultiplierConfig.EXACT) ? "saves nothing" : ""));
            t.row(row);
        }
        return Section.builder("Characterised configurations").table(t.build())
                .paragraph("pJ/op: energy per multiplication averaged over the conv/FC layers, weighted by their MACs.")
                .build();
    }

    /** pJ per multiplication of a few configurations on each layer's own operands and on uniform random ones. */
    static Section dataDependence(Characterisation in) {
        EnergyTable table = in.characterised().table();
        List<String> streams = List.copyOf(table.pj().keySet());
        List<Column> columns = new ArrayList<>(List.of(Column.text("config", "config")));
        streams.forEach(s -> columns.add(Column.number(("pj_" + s).replaceAll("[^A-Za-z0-9_.]", "_"),
                s.equals(CharacteriseEnergy.UNIFORM) ? "uniform" : s, "", "%.3f").csv("%.5f")));
        Table.Builder t = Table.builder("data-dependence", "pJ per multiplication", columns.toArray(Column[]::new));
        for (String name : DATA_DEPENDENCE) {
            List<Object> row = new ArrayList<>(List.of(name));
            streams.forEach(s -> row.add(table.pj(s, MultiplierConfig.parse(name))));
            t.row(row);
        }
        return Section.builder("Data dependence").paragraph("pJ per multiplication on each layer's own operands and on "
                + "uniform random ones.").table(t.build()).build();
    }

    /** The energy per action of the PE's other parts, as the file beside the table has it. */
    public static Section actions(ActionEnergyTable actions) {
        return Section.builder("Energy per action of the PE's other parts").paragraph(CharacteriseEnergy.ACTIONS_FILE
                + " beside the energy table; run prices the whole array with it.").table(actionTable(actions)).build();
    }

    /** The energy per action of the array's parts other than the multipliers, and how each was measured. */
    public static Table actionTable(ActionEnergyTable actions) {
        Table.Builder t = Table.builder("action-energy", "energy per action (" + actions.source() + ")",
                Column.text("component", "component"), Column.text("action", "action"),
                Column.text("arguments", "arguments"), Column.number("pj", "energy", "pJ", "%.4f").csv("%.6g"),
                Column.text("estimator", "estimator"));
        actions.entries().forEach((a, e) -> t.row(a.component(), a.action(), a.argumentsText(), e.pj(), e.estimator()));
        return t.build();
    }

    /** The EvoApprox circuits ranked by this flow's energy against their published power; none without circuits. */
    public static Section evoApproxRanking(CharacteriseEnergy.Characterised characterised) {
        EvoApproxRanking r = characterised == null ? null : characterised.ranking();
        if (r == null) {
            return Section.NONE;
        }
        Table.Builder t = Table.builder("evoapprox-ranking", "the circuits whose ranks differ most",
                Column.text("circuit", "circuit"), Column.number("pj", "pJ/op (this flow)", "", "%.3f"),
                Column.number("rank", "rank", "", "%.1f"), Column.number("published_mw", "published mW", "", "%.3f"),
                Column.number("published_rank", "published rank", "", "%.1f"));
        for (EvoApproxRanking.Circuit c : r.outliers(5)) {
            t.row(c.name(), c.pj(), c.rank(), c.publishedMw(), c.publishedRank());
        }
        return Section.builder("EvoApprox circuits: this flow against their published power")
                .paragraph(String.format(Locale.ROOT, "The %d EvoApprox circuits, synthesised and simulated on %s operands "
                        + "by this flow, ranked against EvoApprox's published 45 nm power (PDK45_PWR): Spearman rank "
                        + "correlation %.3f over %d circuits.", r.circuits().size(), r.stream(), r.spearman(),
                        r.circuits().size()))
                .table(t.build()).build();
    }

    /** The two checks of every configuration's figure, with OpenSTA's per-cell-type error of the first one. */
    static Section crossChecks(Characterisation in) {
        List<CharacteriseEnergy.CrossCheck> checks = in.checks();
        if (checks == null) {
            return Section.NONE;
        }
        Table.Builder t = Table.builder("cross-checks", "", Column.text("config", "config"),
                Column.number("nets", "nets", "", "%d"), Column.number("nets_differing", "differ", "", "%d"),
                Column.number("java_pj", "Java", "pJ", "%.3f").csv("%.5f"),
                Column.number("opensta_pj", "OpenSTA", "pJ", "%.3f").csv("%.5f"),
                Column.number("error_pct", "error", "%", "%+.2f").csv("%.3f"));
        double worst = 0;
        for (CharacteriseEnergy.CrossCheck x : checks) {
            worst = Math.max(worst, Math.abs(x.energy().errorPct()));
            t.row(x.config().name(), x.netsProbed(), x.activityMismatches().size(), x.energy().javaJ() * 1e12,
                    x.energy().openStaJ() * 1e12, x.energy().errorPct());
        }
        Section.Builder s = Section.builder("Checks of the reported figure").paragraph(String.format(Locale.ROOT,
                        "Activity (Icarus, first %d pairs of %s, net by net) and energy per transition (OpenSTA report_power, "
                                + "%.2f toggles per op on every net).", CharacteriseEnergy.CROSS_CHECK_PAIRS,
                        CharacteriseEnergy.crossCheckStream(in.characterised()), EnergyCrossCheck.TOGGLES_PER_OP))
                .table(t.build())
                .paragraph(String.format(Locale.ROOT, "nets whose toggles differ: %d; largest Java/OpenSTA difference %.2f%%",
                        in.netsDiffering(), worst));
        if (!checks.isEmpty()) {
            Table.Builder types = Table.builder("cross-check-cells", "per cell type, " + checks.get(0).config().name(),
                    Column.text("cell", "cell"), Column.number("instances", "instances", "", "%d"),
                    Column.number("java_pj", "Java", "pJ", "%.4f").csv("%.6f"),
                    Column.number("opensta_pj", "OpenSTA", "pJ", "%.4f").csv("%.6f"),
                    Column.number("error_pct", "error", "%", "%+.2f").csv("%.3f"));
            for (EnergyCrossCheck.CellType c : checks.get(0).energy().types()) {
                types.row(c.type(), c.instances(), c.javaJ() * 1e12, c.openStaJ() * 1e12, c.errorPct());
            }
            s.table(types.build());
        }
        return s.build();
    }

    /** {@code config}'s pJ per multiplication over {@code net}'s weighted layers, weighted by their MACs. */
    static double weightedPj(EnergyTable t, Network net, MultiplierConfig config) {
        double e = 0;
        long macs = 0;
        for (var l : net.weightedLayers()) {
            e += l.macs() * t.pj(l.name(), config);
            macs += l.macs();
        }
        return e / macs;
    }
}
