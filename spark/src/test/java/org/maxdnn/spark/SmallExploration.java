package org.maxdnn.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.task.Classification;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.Exploration;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.explore.StandInEnergy;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * A small seeded exploration on the real model and images (population 8, 2 generations: explore
 * --quick's shape), whose fronts are compared
 * between evaluators. The energy table is a stand-in monotone in P and R: what is compared is which
 * maps are found and their scores, not the energy flow.
 */
final class SmallExploration {
    final AccuracyOracle oracle;
    private final EnergyTable energy;
    private final Exploration.Plan plan;

    /** @param levels the approaches searched; {@code alwann} adds the baseline with one table */
    SmallExploration(int images, List<String> levels, boolean alwann) {
        this(images, levels, alwann, new Explorer.Settings(8, 2, 7));
    }

    /** The same with the search's {@code settings} (sequential evaluation among them). */
    SmallExploration(int images, List<String> levels, boolean alwann, Explorer.Settings settings) {
        plan = new Exploration.Plan(levels, alwann ? List.of("mul8u_17KS") : List.of(), 2, settings, 2);
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        List<LabeledImage> inputs = ImageSets.readFolder(assets.images(), images);
        oracle = new AccuracyOracle(net, inputs, Classification.of(inputs), registry, 2);
        energy = StandInEnergy.of(net, registry, Map.of("alwann:mul8u_17KS", 0.5));
    }

    /**
     * Every front's points, one line each: approach, energy to the last digit, scores, the map; each
     * front first with its hypervolume and how many of its maps sequential evaluation stopped.
     */
    List<String> fronts(MapEvaluator evaluator) {
        Exploration.Result r = Exploration.run(oracle, evaluator, energy, plan, (a, g) -> { });
        List<String> lines = new ArrayList<>();
        for (Explorer.Front f : r.fronts()) {
            lines.add(f.space().name() + " hypervolume " + f.hypervolume() + ", " + f.stopped() + " of "
                    + f.evaluations() + " maps stopped");
            for (Explorer.Point p : f.points()) {
                lines.add(String.format(Locale.ROOT, "%s %s %s %s %s %s", f.space().name(), Double.toString(p.pj()),
                        Double.toString(p.score().metric()), Double.toString(p.score().agreement()),
                        Arrays.toString(p.score().perSample()), p.map().toJson()));
            }
        }
        return lines;
    }
}
