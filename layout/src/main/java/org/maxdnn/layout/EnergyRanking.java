package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

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

    /** Spearman's rho: Pearson correlation of the (mean-tied) ranks; NaN for fewer than 2 values. */
    static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("different lengths");
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length;) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = java.util.Arrays.stream(a).average().orElse(0);
        double mb = java.util.Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
