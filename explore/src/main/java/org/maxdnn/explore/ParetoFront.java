package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.moeaframework.core.NondominatedPopulation;
import org.moeaframework.core.Solution;
import org.moeaframework.core.indicator.Hypervolume;
import org.moeaframework.problem.AbstractProblem;

/**
 * Non-dominated filtering for objectives that are all minimised (negate one to maximise it).
 * A point dominates another when it is no worse in every objective and better in one.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** True when {@code a} dominates {@code b}. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }

    /**
     * The points no other point dominates, sorted by the first objective; of points with equal
     * objectives the first one given is kept.
     */
    public static <T> List<T> of(List<T> points, Function<T, double[]> objectives) {
        List<T> front = new ArrayList<>();
        outer:
        for (int i = 0; i < points.size(); i++) {
            double[] oi = objectives.apply(points.get(i));
            for (int j = 0; j < points.size(); j++) {
                double[] oj = objectives.apply(points.get(j));
                if (dominates(oj, oi) || (j < i && Arrays.equals(oi, oj))) {
                    continue outer;
                }
            }
            front.add(points.get(i));
        }
        front.sort(Comparator.comparingDouble(p -> objectives.apply(p)[0]));
        return front;
    }

    /**
     * The hypervolume (MOEA Framework's) of the points' objectives, each objective normalised to
     * [0, 1] by {@code min} (0) and {@code max} (1); the reference point is 1 in every objective, so
     * points beyond {@code max} add nothing.
     */
    public static double hypervolume(List<double[]> objectives, double[] min, double[] max) {
        NondominatedPopulation front = new NondominatedPopulation();
        for (double[] o : objectives) {
            Solution s = new Solution(0, o.length);
            s.setObjectives(o);
            front.add(s);
        }
        AbstractProblem shape = new AbstractProblem(0, min.length) {
            @Override
            public void evaluate(Solution solution) {
                throw new UnsupportedOperationException("only its number of objectives is used");
            }

            @Override
            public Solution newSolution() {
                throw new UnsupportedOperationException("only its number of objectives is used");
            }
        };
        return new Hypervolume(shape, min, max).evaluate(front);
    }
}
