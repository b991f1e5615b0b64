package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.metrics.EvoApproxCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.TableConfig;

/**
 * An outside check of the energy flow (SPEC §3.3): the EvoApprox circuits ranked by this flow's
 * energy per multiplication on uniform random operands (as the library's power figures are
 * estimated) against their published 45 nm power, PDK45_PWR: Spearman's rank correlation (mean
 * ranks for ties) and the circuits whose ranks differ most.
 *
 * @param stream the operand stream the flow's energies are from
 * @param spearman Spearman's rho over all circuits
 * @param circuits every circuit, cheapest first by the flow
 */
public record EvoApproxRanking(String stream, double spearman, List<Circuit> circuits) {
    /** One circuit: the flow's pJ and rank (1 = cheapest), the published mW and its rank. */
    public record Circuit(String name, double pj, double rank, double publishedMw, double publishedRank) {
        public double rankDifference() {
            return rank - publishedRank;
        }
    }

    public EvoApproxRanking {
        circuits = List.copyOf(circuits);
    }

    /** The {@code lut:} entries of {@code table} on {@code stream} against {@code published}; null without any. */
    public static EvoApproxRanking of(EnergyTable table, String stream, EvoApproxCatalog published) {
        List<String> names = table.pj().get(stream).keySet().stream().map(MultiplierConfig::parse)
                .filter(c -> c.table() != null && !c.tunesWeights()).map(MultiplierConfig::table).toList();
        if (names.size() < 2) {
            return null;
        }
        double[] pj = names.stream().mapToDouble(n -> table.pj(stream, TableConfig.lut(n))).toArray();
        double[] mw = names.stream().mapToDouble(n -> published.get(n).powerMilliwatt45nm()).toArray();
        double[] pjRank = new NaturalRanking().rank(pj);
        double[] mwRank = new NaturalRanking().rank(mw);
        List<Circuit> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new Circuit(names.get(i), pj[i], pjRank[i], mw[i], mwRank[i]));
        }
        rows.sort(Comparator.comparingDouble(Circuit::rank));
        return new EvoApproxRanking(stream, new SpearmansCorrelation().correlation(pj, mw), rows);
    }

    /** The {@code k} circuits whose two ranks differ most, largest difference first. */
    public List<Circuit> outliers(int k) {
        return circuits.stream().sorted(Comparator.comparingDouble((Circuit c) -> -Math.abs(c.rankDifference())))
                .limit(k).toList();
    }
}
