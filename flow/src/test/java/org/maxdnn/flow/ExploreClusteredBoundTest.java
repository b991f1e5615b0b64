package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSets;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.explore.Exploration;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.LossBound;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.explore.StandInEnergy;
import org.maxdnn.explore.Variants;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The explore flow with --variants end to end on KWS (10 samples, two time shifts each, a one-generation
 * layer search): the search bounds it reports (each front point's in pareto.json, the selection rule in
 * summary.json) are those clustered by source sample of the pool it searched on, not the independent
 * inputs' ones, so the pool's sources reach the exploration's result.
 */
class ExploreClusteredBoundTest {
    @TempDir
    Path out;

    @Test
    void exploreWithVariantsReportsTheClusteredSearchBound() throws Exception {
        Assets assets = Assets.fromEnvironment();
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        Network net = Network.load(BundledModel.KWS.model(assets));
        Workload w = Workload.of(net, DataSets.read(BundledModel.KWS.samples(assets), net, 10), registry);
        ExploreMaps.Settings s = new ExploreMaps.Settings(List.of("layer"), false, 4, 4, 1, 3, true, false,
                Explorer.Objective.METRIC, false, 2);
        ExploreMaps.Explored x = ExploreMaps.run(new ExploreMaps.Request(w, StandInEnergy.of(net, registry, Map.of()),
                List.of(), s, 2, MapEvaluator.Factory.IN_PROCESS, out), FlowListener.SILENT);

        // the pool the flow searched on, built again: its source index is what the bounds are clustered by
        Profile profile = Profile.of(true);
        Variants.Pool pool = ExploreMaps.searchPool(w, DataSplit.of(w.dataSet(), profile.windowStride()), 2, profile, 2,
                FlowListener.SILENT);
        Exploration.Result r = x.result();
        assertArrayEquals(pool.source(), r.searchSources());
        assertEquals(pool.data().inputs().size(), r.exact().samples());

        JsonNode front = new ObjectMapper().readTree(out.resolve("layer/pareto.json").toFile());
        List<Explorer.Point> points = r.front("layer").points();
        assertFalse(points.isEmpty());
        assertEquals(points.size(), front.get("points").size());
        for (int i = 0; i < points.size(); i++) {
            Explorer.Point p = points.get(i);
            LossBound clustered = LossBound.of(r.task(), p.score(), r.exact(), pool.source());
            LossBound independent = LossBound.of(r.task(), p.score(), r.exact());
            double reported = front.get("points").get(i).get("search_loss_upper95_pts").asDouble();
            assertEquals(clustered.highPts(), reported, 1e-9, "point " + i);
            // three inputs per source: the clustered bound is the wider one
            assertNotEquals(independent.highPts(), reported, 1e-6, "point " + i);
            assertTrue(reported > independent.highPts(), "point " + i);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("selection").asText().endsWith(LossBound.CLUSTERED), summary.get("selection").asText());
    }
}
