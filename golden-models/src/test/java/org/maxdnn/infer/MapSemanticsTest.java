package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.map.LayerEntry;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/** What a map means, checked through every conv/FC layer's output on real images. */
class MapSemanticsTest {
    private static final MultiplierConfig P1R2 = MultiplierConfig.parse("roup-p1r2");
    private static Network net;
    private static List<LabeledImage> images;
    private static MultiplierRegistry registry;

    @BeforeAll
    static void load() {
        Assets assets = Assets.fromEnvironment();
        net = Network.load(assets.model());
        images = ImageSets.readFolder(assets.images(), 3);
        registry = new MultiplierRegistry(assets.lutDir());
    }

    /** Every conv/FC output (int8) of every image, concatenated per layer name. */
    private static Map<String, List<byte[]>> outputs(ApproxMap map, ConvKernel.Path path) {
        InferencePlan plan = InferencePlan.compile(net, map, registry, path);
        Workspace ws = plan.newWorkspace();
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        for (LabeledImage im : images) {
            plan.run(im.pixels(), ws, (layer, in, acc, o) ->
                    out.computeIfAbsent(layer.name(), k -> new ArrayList<>()).add(o.clone()));
        }
        return out;
    }

    private static void assertSame(Map<String, List<byte[]>> a, Map<String, List<byte[]>> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((layer, list) -> {
            for (int i = 0; i < list.size(); i++) {
                assertArrayEquals(list.get(i), b.get(layer).get(i), layer + " image " + i);
            }
        });
    }

    @Test
    void kernelLevelEverywhereP1r2EqualsTheLayerLevelMap() {
        ConvLayer conv4 = net.layer("conv4");
        List<List<MultiplierConfig>> kernels = new ArrayList<>();
        for (int oc = 0; oc < conv4.outC(); oc++) {
            kernels.add(Collections.nCopies(conv4.inC(), P1R2));
        }
        ApproxMap kernelLevel = new ApproxMap(MultiplierConfig.EXACT, Map.of("conv4", LayerEntry.kernels(kernels)));
        ApproxMap layerLevel = ApproxMap.layerLevel(Map.of("conv4", P1R2));
        Map<String, List<byte[]>> a = outputs(kernelLevel, ConvKernel.Path.AUTO);
        assertSame(a, outputs(layerLevel, ConvKernel.Path.AUTO));
        assertFalse(java.util.Arrays.equals(a.get("conv4").get(0), outputs(ApproxMap.exact(), ConvKernel.Path.AUTO)
                .get("conv4").get(0)), "roup-p1r2 changes conv4");
    }

    @Test
    void aFilterLevelEntryChangesOnlyThatOutputChannelOfThatLayer() {
        ConvLayer conv4 = net.layer("conv4");
        int filter = 5;
        List<MultiplierConfig> filters = new ArrayList<>(Collections.nCopies(conv4.outC(), MultiplierConfig.EXACT));
        filters.set(filter, MultiplierConfig.parse("roup-p2r3"));
        ApproxMap map = new ApproxMap(MultiplierConfig.EXACT, Map.of("conv4", LayerEntry.filters(filters)));
        Map<String, List<byte[]>> exact = outputs(ApproxMap.exact(), ConvKernel.Path.AUTO);
        Map<String, List<byte[]>> approx = outputs(map, ConvKernel.Path.AUTO);
        for (String layer : List.of("conv0", "conv1", "conv2", "conv3", "conv5")) {
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(exact.get(layer).get(i), approx.get(layer).get(i), layer + " runs before conv4");
            }
        }
        int changed = 0;
        for (int i = 0; i < images.size(); i++) {
            byte[] e = exact.get("conv4").get(i);
            byte[] a = approx.get("conv4").get(i);
            for (int j = 0; j < e.length; j++) {
                if (j % conv4.outC() != filter) {
                    assertEquals(e[j], a[j], "conv4 element " + j + " is not in filter " + filter);
                } else {
                    changed += e[j] != a[j] ? 1 : 0;
                }
            }
        }
        assertTrue(changed > 0, "filter " + filter + " changed");
    }

    @Test
    void theFastPathsEqualTheTablePathForMixedKernelMaps() {
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roup-p0r3", "roup-p3r7", "roup-p1r5")
                .map(MultiplierConfig::parse).toList();
        ApproxMap map = ApproxMap.randomKernels(net, mix, 7);
        assertTrue(ConvKernel.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector");
        for (ApproxMap m : List.of(map, ApproxMap.uniform(P1R2), ApproxMap.exact())) {
            Map<String, List<byte[]>> table = outputs(m, ConvKernel.Path.TABLE);
            assertSame(outputs(m, ConvKernel.Path.PLANAR), table);
            assertSame(outputs(m, ConvKernel.Path.DOT_PRODUCT), table);
        }
        List<MultiplierConfig> booth = Stream.of("exact", "roup-p1r2", "roupc-p0r4", "roupc-p1r6", "roupc-p0r7",
                "roupc-p2r7", "roupc-p0r1").map(MultiplierConfig::parse).toList();
        for (ApproxMap m : List.of(ApproxMap.randomKernels(net, booth, 3), ApproxMap.uniform(MultiplierConfig.parse("roupc-p1r4")))) {
            assertSame(outputs(m, ConvKernel.Path.PLANAR), outputs(m, ConvKernel.Path.TABLE));
        }
    }

    @Test
    void theDefaultCoversConvLayersOnlyAndFcIsApproximatedWhenNamed() {
        ApproxMap uniform = ApproxMap.uniform(MultiplierConfig.parse("roup-p3r7"));
        for (MultiplierConfig[] row : uniform.resolve(net.layer("fc"))) {
            for (MultiplierConfig c : row) {
                assertEquals(MultiplierConfig.EXACT, c);
            }
        }
        Map<String, MultiplierConfig> fcOnly = Map.of("fc", MultiplierConfig.parse("roup-p2r4"));
        Map<String, List<byte[]>> a = outputs(ApproxMap.layerLevel(fcOnly), ConvKernel.Path.AUTO);
        Map<String, List<byte[]>> e = outputs(ApproxMap.exact(), ConvKernel.Path.AUTO);
        assertArrayEquals(e.get("conv8").get(0), a.get("conv8").get(0));
        assertFalse(java.util.Arrays.equals(e.get("fc").get(0), a.get("fc").get(0)));
    }

    @Test
    void theZeroPointTermUsesTheSameMultiplierSoAnExactTableEqualsExact() {
        // lut:mul8u_1JFF is the exact EvoApprox multiplier; through the TFApprox mapping and the
        // f(x_zp, w) correction it must reproduce the exact network bit for bit
        ApproxMap lutExact = ApproxMap.uniform(MultiplierConfig.parse("lut:mul8u_1JFF"));
        assertSame(outputs(ApproxMap.exact(), ConvKernel.Path.AUTO), outputs(lutExact, ConvKernel.Path.AUTO));
    }
}
