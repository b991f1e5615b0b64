package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Whether routing changes which configuration costs least: the configurations ordered by pre-route
 * and by post-route energy per multiplication, and Spearman's rank correlation between the two
 * (1 = same order; ties get their mean rank).
 *
 * @param preRoute configuration names, cheapest first, by pre-route energy
 * @param postRoute the same by post-route energy
 * @param spearman rank correlation of the two energies over the configurations
 */
public record EnergyRanking(List<String> preRoute, List<String> postRoute, double spearman) {
    public EnergyRanking {
        preRoute = List.copyOf(preRoute);
        postRoute = List.copyOf(postRoute);
    }

    public boolean sameOrder() {
        return preRoute.equals(postRoute);
    }

    public static EnergyRanking of(List<PostRouteEnergy> energies) {
        return new EnergyRanking(order(energies, PostRouteEnergy::preRoutePj),
                order(energies, PostRouteEnergy::postRoutePj),
                spearman(energies.stream().mapToDouble(PostRouteEnergy::preRoutePj).toArray(),
                        energies.stream().mapToDouble(PostRouteEnergy::postRoutePj).toArray()));
    }

    private static List<String> order(List<PostRouteEnergy> energies, ToDoubleFunction<PostRouteEnergy> key) {
        List<PostRouteEnergy> sorted = new ArrayList<>(energies);
        sorted.sort(Comparator.comparingDouble(key));
        return sorted.stream().map(PostRouteEnergy::config).toList();
    }

    /** Spearman's rho (commons-math3; ties get their mean rank); NaN for fewer than 2 values. */
    static double spearman(double[] x, double[] y) {
        return x.length < 2 ? Double.NaN : new SpearmansCorrelation().correlation(x, y);
    }
}
