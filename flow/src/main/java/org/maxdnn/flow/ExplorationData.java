package org.maxdnn.flow;

import java.util.function.UnaryOperator;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * What an exploration searches and validates on (SPEC §9.1), the clean set its picked maps are
 * also scored on (null when none), and the images whose operands the energy characterisation
 * reads: the clean set's when there is one (as before the JPEG default, so the energy tables stay
 * what they were), else the data's.
 */
public record ExplorationData(Workload work, ExploreMaps.Clean clean, Workload operands) {
    /** A user's data, or a network's own sample set: nothing beside it. */
    public static ExplorationData of(Workload work) {
        return new ExplorationData(work, null, work);
    }

    /**
     * A bundled network's default data, the same for {@code explore}, {@code run} and {@code run --all}:
     * its {@linkplain BundledModel#explorationSamples exploration set}; when that is another than its own
     * sample set (the CIFAR-10 networks' 4,964 JPEG test images), the first {@code limit} of it, else
     * {@code profile}'s {@link Profile#explorationImages} (0: all), balanced over labels (the files are
     * sorted by label), with the network's own clean images read whole as the clean set; otherwise the
     * first {@code limit} samples of its own set (0: all). {@code task} scores both sets (as --task says).
     */
    public static ExplorationData bundled(BundledModel m, Assets assets, Network net, int limit, Profile profile,
                                          UnaryOperator<DataSet> task, MultiplierRegistry registry) {
        if (!m.exploresOtherSamples()) {
            return of(Workload.of(net, task.apply(DataSets.read(m.samples(assets), net, limit)), registry));
        }
        DataSet all = DataSets.read(m.explorationSamples(assets), net, 0);
        int n = limit > 0 ? limit : profile.explorationImages();
        Workload work = Workload.of(net, task.apply(n > 0 ? DataSplit.balancedFirst(all, n) : all), registry);
        Workload clean = Workload.of(net, task.apply(DataSets.read(m.samples(assets), net, 0)), registry);
        return new ExplorationData(work, new ExploreMaps.Clean(clean, "clean images of "
                + assets.root().relativize(m.samples(assets))), limit > 0 ? clean.first(limit) : clean);
    }
}
