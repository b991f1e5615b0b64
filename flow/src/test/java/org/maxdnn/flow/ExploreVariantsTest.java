package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.UnlabelledSets;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The search pool explore and run build with --variants from a data set read for the network (a
 * Workload knows its inputs' format), scored as --task agreement says: the exact network agrees with
 * itself on every search input, the flipped and shifted copies included.
 */
class ExploreVariantsTest {
    @Test
    void theSearchPoolOfAnAgreementTaskHasTheExactClassOfEachVariant() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.RESNET8.model(assets));
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        DataSet images = DataSets.read(BundledModel.RESNET8.samples(assets), net, 12);
        Workload w = Workload.of(net, UnlabelledSets.of(images.source(), images.format(), images.inputs(), net, 2, true),
                registry);
        DataSplit split = DataSplit.of(w.dataSet(), 1);
        List<String> notes = new ArrayList<>();
        DataSet pool = ExploreMaps.searchPool(w, split, 2, Profile.of(true), 2, new FlowListener() {
            @Override
            public void note(String line) {
                notes.add(line);
            }
        }).data();
        assertEquals(3 * split.search().inputs().size(), pool.inputs().size());
        assertTrue(notes.get(0).startsWith("variants of each search sample: flip, x+2"), notes.toString());
        assertEquals(1.0, new AccuracyOracle(net, pool, registry, 2).exact().metric());
    }
}
