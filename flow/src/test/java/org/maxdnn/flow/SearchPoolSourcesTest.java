package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSets;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.explore.Variants;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The exploration's search part keeps each input's source sample when it holds variants, so the
 * search bounds can be clustered by it ({@link org.maxdnn.explore.Exploration.Result#withSearchSources});
 * without variants it names none and the bounds stay those of independent samples.
 */
class SearchPoolSourcesTest {
    @Test
    void variantsNameTheirSourceSample() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.KWS.model(assets));
        Workload w = Workload.of(net, DataSets.read(BundledModel.KWS.samples(assets), net, 20),
                new MultiplierRegistry(assets.lutDir()));
        Profile profile = Profile.of(true);
        DataSplit split = DataSplit.of(w.dataSet(), profile.windowStride());
        int n = split.search().inputs().size();

        Variants.Pool plain = ExploreMaps.searchPool(w, split, 0, profile, 2, FlowListener.SILENT);
        assertNull(plain.source());
        assertEquals(n, plain.data().inputs().size());

        Variants.Pool pooled = ExploreMaps.searchPool(w, split, 2, profile, 2, FlowListener.SILENT);
        assertEquals(3 * n, pooled.data().inputs().size());
        assertEquals(3 * n, pooled.source().length);
        for (int i = 0; i < 3 * n; i++) {
            assertEquals(split.search().inputs().get(pooled.source()[i]).name(),
                    pooled.data().inputs().get(i).name().replaceAll("~.*", ""), "input " + i);
        }
    }
}
