package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The MAx-DNN-style heuristic behind the search's starting points: every configuration's injected
 * error on every layer (mean |error| of a filter's output in output steps, {@link Sensitivity}),
 * then, for a ladder of error budgets, the cheapest configuration of each layer whose error stays
 * within the budget. Configurations that are worse on both error and energy than another one are
 * dropped from the search altogether.
 */
public final class HeuristicSeeds {
    /** Error budgets in output steps, mild to aggressive. */
    static final double[] BUDGETS = {0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5};

    private final List<ConvLayer> layers;
    private final List<MultiplierConfig> configs;
    /** errors[layer][config] in output steps. */
    private final double[][] errors;
    private final double[][] energy;

    private HeuristicSeeds(List<ConvLayer> layers, List<MultiplierConfig> configs, double[][] errors, double[][] energy) {
        this.layers = layers;
        this.configs = configs;
        this.errors = errors;
        this.energy = energy;
    }

    /** Measures every configuration on {@code images} (a few suffice: the error is a mean over outputs). */
    public static HeuristicSeeds measure(List<ConvLayer> layers, List<MultiplierConfig> configs, EnergyTable table,
                                         org.maxdnn.infer.Network net, List<LabeledImage> images,
                                         MultiplierRegistry registry) {
        double[][] err = new double[layers.size()][configs.size()];
        double[][] pj = new double[layers.size()][configs.size()];
        // each configuration's probe is independent of the others': measured in parallel, the same figures
        List<Map<String, Sensitivity.LayerScores>> scores = configs.parallelStream()
                .map(config -> config.isExactByDefinition() ? null
                        : Sensitivity.measure(net, images, registry.get(config), registry))
                .toList();
        for (int c = 0; c < configs.size(); c++) {
            Map<String, Sensitivity.LayerScores> s = scores.get(c);
            for (int l = 0; l < layers.size(); l++) {
                pj[l][c] = table.pj(layers.get(l).name(), configs.get(c));
                if (s != null) {
                    double[] f = s.get(layers.get(l).name()).filters();
                    double sum = 0;
                    for (double v : f) {
                        sum += v;
                    }
                    err[l][c] = sum / f.length;
                }
            }
        }
        return new HeuristicSeeds(layers, configs, err, pj);
    }

    /**
     * The configurations worth searching: exact first, then those not dominated on (mean error,
     * MAC-weighted energy) over the layers.
     */
    public List<MultiplierConfig> efficientConfigs() {
        int n = configs.size();
        double[] e = new double[n];
        double[] p = new double[n];
        long total = layers.stream().mapToLong(ConvLayer::macs).sum();
        for (int c = 0; c < n; c++) {
            for (int l = 0; l < layers.size(); l++) {
                e[c] += errors[l][c] / layers.size();
                p[c] += energy[l][c] * layers.get(l).macs() / total;
            }
        }
        List<MultiplierConfig> out = new ArrayList<>(List.of(MultiplierConfig.EXACT));
        for (int c = 0; c < n; c++) {
            if (configs.get(c).equals(MultiplierConfig.EXACT)) {
                continue;
            }
            boolean dominated = false;
            for (int d = 0; d < n && !dominated; d++) {
                dominated = d != c && e[d] <= e[c] && p[d] <= p[c] && (e[d] < e[c] || p[d] < p[c]);
            }
            if (!dominated) {
                out.add(configs.get(c));
            }
        }
        return out;
    }

    /** Per budget, the index into {@code choices} of each layer's cheapest configuration within it. */
    public List<int[]> layerLadder(List<MultiplierConfig> choices) {
        List<int[]> out = new ArrayList<>();
        for (double budget : BUDGETS) {
            out.add(layerGenome(choices, budget));
        }
        return out;
    }

    int[] layerGenome(List<MultiplierConfig> choices, double budget) {
        int[] g = new int[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            int best = 0;
            double bestPj = Double.MAX_VALUE;
            for (int i = 0; i < choices.size(); i++) {
                int c = configs.indexOf(choices.get(i));
                if (c >= 0 && errors[l][c] <= budget && energy[l][c] < bestPj) {
                    bestPj = energy[l][c];
                    best = i;
                }
            }
            g[l] = best;
        }
        return g;
    }

    /** Seeds for a filter-group genome: every group of a layer at the layer ladder's choice. */
    public List<int[]> groupLadder(List<MultiplierConfig> choices, int groups) {
        List<int[]> out = new ArrayList<>();
        for (int[] g : layerLadder(choices)) {
            int[] s = new int[g.length * groups];
            for (int l = 0; l < g.length; l++) {
                for (int k = 0; k < groups; k++) {
                    s[l * groups + k] = g[l];
                }
            }
            out.add(s);
        }
        return out;
    }

    /** Seeds for a ranked genome: the tolerant half at twice the budget, the rest at half of it. */
    public List<int[]> rankedLadder(List<MultiplierConfig> choices) {
        List<int[]> out = new ArrayList<>();
        for (double budget : BUDGETS) {
            int[] hi = layerGenome(choices, 2 * budget);
            int[] lo = layerGenome(choices, budget / 2);
            int[] s = new int[layers.size() * 3];
            for (int l = 0; l < layers.size(); l++) {
                s[3 * l] = hi[l];
                s[3 * l + 1] = lo[l];
                s[3 * l + 2] = RankedSpace.SHARES / 2;
            }
            out.add(s);
        }
        return out;
    }
}
