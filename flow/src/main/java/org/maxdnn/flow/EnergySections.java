package org.maxdnn.flow;

import java.util.Locale;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.report.Column;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;

/** Report sections and tables of the energy characterisation (stage 1), shared by {@code energy} and {@code run}. */
public final class EnergySections {
    private EnergySections() {
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
}
