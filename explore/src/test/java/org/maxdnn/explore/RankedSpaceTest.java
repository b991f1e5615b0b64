package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.map.LayerEntry;
import org.maxdnn.mult.MultiplierConfig;

/**
 * A ranked kernel map of the visual-wake-words network (pointwise layers of 256 x 256 kernels) puts
 * the tolerant share of each layer's kernels on the tolerant configuration, and building it
 * allocates a few bytes per kernel: a copy of the layer's kernels per filter row (outC times the
 * layer, 5 GB for MobileNetV2's classifier) ran a MobileNetV2 exploration out of heap.
 */
class RankedSpaceTest {
    private static final MultiplierConfig TOLERANT = MultiplierConfig.parse("roup-p2r2");

    @Test
    void kernelMapPutsTheTolerantShareOnItsConfigurationAndAllocatesLittlePerKernel() {
        Network net = Network.load(BundledModel.VWW.model(Assets.fromEnvironment()));
        List<ConvLayer> layers = net.weightedLayers();
        Map<String, Sensitivity.LayerScores> scores = new LinkedHashMap<>();
        long kernels = 0;
        for (ConvLayer l : layers) {
            // score = the kernel's index backwards: the last kernel is the most tolerant
            double[][] k = new double[l.outC()][l.filterDepth()];
            for (int oc = 0; oc < l.outC(); oc++) {
                for (int j = 0; j < l.filterDepth(); j++) {
                    k[oc][j] = -(oc * l.filterDepth() + j);
                }
            }
            scores.put(l.name(), new Sensitivity.LayerScores(new double[l.outC()], k));
            kernels += (long) l.outC() * l.filterDepth();
        }
        RankedSpace space = new RankedSpace(RankedSpace.Unit.KERNEL, layers, List.of(MultiplierConfig.EXACT, TOLERANT),
                scores);
        int[] genome = new int[space.genes()];
        for (int l = 0; l < layers.size(); l++) {
            genome[3 * l] = 1;                          // tolerant share: roup-p2r2
            genome[3 * l + 2] = RankedSpace.SHARES / 4; // a quarter of the kernels
        }
        space.map(genome); // warm-up: class loading and the JIT allocate too
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ApproxMap map = space.map(genome);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 64 * kernels + (1 << 20), allocated + " bytes allocated for a map of " + kernels
                + " kernels: more than a few bytes per kernel");
        for (ConvLayer l : layers) {
            LayerEntry e = map.layers().get(l.name());
            int n = l.outC() * l.filterDepth();
            int tolerant = n / RankedSpace.SHARES;
            for (int oc = 0; oc < l.outC(); oc++) {
                for (int j = 0; j < l.filterDepth(); j++) {
                    int unit = oc * l.filterDepth() + j;
                    assertEquals(unit >= n - tolerant ? TOLERANT : MultiplierConfig.EXACT, e.kernels().get(oc).get(j),
                            l.name() + " kernel " + unit);
                }
            }
        }
    }
}
