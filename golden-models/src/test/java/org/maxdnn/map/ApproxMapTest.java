package org.maxdnn.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierConfig;

class ApproxMapTest {
    @TempDir
    Path tmp;
    private static Network net;

    @BeforeAll
    static void load() {
        net = Network.load(Assets.fromEnvironment().model());
    }

    @Test
    void theMostSpecificEntryWins() {
        String json = """
                {"default": "roup-p0r1",
                 "layers": {"conv0": {"multiplier": "roup-p1r2",
                                      "filters": ["exact", "roup-p2r0", "exact", "exact", "exact", "exact", "exact", "exact",
                                                  "exact", "exact", "exact", "exact", "exact", "exact", "exact", "exact"],
                                      "kernels": [%s]}}}
                """.formatted(kernelsJson(16, 3, "\"roupc-p1r3\"", 3, 2, "\"lut:mul8u_2P7\""));
        ApproxMap map = ApproxMap.parse(json, "t").validate(net, "t");
        MultiplierConfig[][] conv0 = map.resolve(net.layer("conv0"));
        assertEquals(MultiplierConfig.parse("lut:mul8u_2P7"), conv0[3][2]);
        assertEquals(MultiplierConfig.parse("roupc-p1r3"), conv0[1][0]);
        MultiplierConfig[][] conv1 = map.resolve(net.layer("conv1"));
        assertEquals(MultiplierConfig.parse("roup-p0r1"), conv1[0][0]);
        ApproxMap filtersOnly = ApproxMap.parse("{\"layers\": {\"conv0\": {\"multiplier\": \"roup-p1r2\", \"filters\": ["
                + String.join(",", Collections.nCopies(15, "\"exact\"")) + ", \"roup-p3r0\"]}}}", "t");
        MultiplierConfig[][] f = filtersOnly.validate(net, "t").resolve(net.layer("conv0"));
        assertEquals(MultiplierConfig.EXACT, f[0][0]);
        assertEquals(MultiplierConfig.parse("roup-p3r0"), f[15][2]);
        assertEquals(MultiplierConfig.EXACT, filtersOnly.resolve(net.layer("conv1"))[0][0]);
    }

    @Test
    void writeThenReadGivesTheSameMap() throws Exception {
        ApproxMap map = ApproxMap.randomKernels(net, List.of(MultiplierConfig.EXACT, MultiplierConfig.parse("roup-p1r2"),
                MultiplierConfig.parse("alwann:mul8u_2P7")), 3);
        Path file = tmp.resolve("map.json");
        map.write(file);
        ApproxMap back = ApproxMap.read(file).validate(net, file.toString());
        for (ConvLayer l : net.weightedLayers()) {
            assertTrue(java.util.Arrays.deepEquals(map.resolve(l), back.resolve(l)), l.name());
        }
        assertEquals(map.toJson(), back.toJson());
    }

    @Test
    void theDigestIsAFixedSizeKeyEqualForEqualMapsOnly() {
        List<MultiplierConfig> choices = List.of(MultiplierConfig.EXACT, MultiplierConfig.parse("roup-p1r2"));
        ApproxMap a = ApproxMap.randomKernels(net, choices, 3);
        ApproxMap same = ApproxMap.parse(a.toJson(), "(copy)");
        ApproxMap other = ApproxMap.randomKernels(net, choices, 4);
        assertEquals(64, a.digest().length());
        assertEquals(a.digest(), same.digest());
        assertTrue(!a.digest().equals(other.digest()));
        assertTrue(!a.digest().equals(a.withCompensation(java.util.Map.of()).digest()));
        assertEquals(ApproxMap.exact().digest(), ApproxMap.parse("{\"layers\": {}}", "(exact)").digest());
    }

    @Test
    void badMapsNameTheFileAndThePlace() throws Exception {
        assertBad("{\"layers\": {\"conv9\": {\"multiplier\": \"exact\"}}}", "layers.conv9", "no layer 'conv9'");
        assertBad("{\"layers\": {\"conv0\": {\"filters\": [\"exact\"]}}}", "layers.conv0.filters", "16 filters");
        assertBad("{\"layers\": {\"conv1\": {\"kernels\": [" + kernelsJson(16, 15, "\"exact\"", -1, -1, null) + "]}}}",
                "layers.conv1.kernels[0]", "16 input channels");
        assertBad("{\"layers\": {\"conv1\": {\"multiplier\": \"roup-p4r0\"}}}", "layers.conv1.multiplier", "roup-p4r0");
        assertBad("{\"default\": \"booth\"}", "default", "booth");
        assertBad("{\"layers\": {\"conv1\": {\"multipler\": \"exact\"}}}", "layers.conv1", "multipler");
        assertBad("{\"layers\": {\"conv1\": {\"filters\": [\"exact\", 3]}}}", "layers.conv1.filters[1]", "string");
        assertBad("{\"default\": \"exact\",\n \"layers\": {,}}", "line 2", "map ");
    }

    @Test
    void badCompensationEntriesNameThePlace() throws Exception {
        String sixteen = String.join(",", Collections.nCopies(16, "1"));
        assertBad("{\"compensation\": [1, 2]}", "compensation", "keyed by layer name");
        assertBad("{\"compensation\": {\"conv9\": [1]}}", "compensation.conv9", "no layer 'conv9'");
        assertBad("{\"compensation\": {\"conv0\": [1, 2]}}", "compensation.conv0", "16 output channels");
        assertBad("{\"compensation\": {\"conv0\": 3}}", "compensation.conv0", "array of int32");
        assertBad("{\"compensation\": {\"conv0\": [" + sixteen.substring(2) + ", 1.5]}}", "compensation.conv0[15]",
                "int32");
        assertBad("{\"compensation\": {\"conv0\": [" + sixteen.substring(2) + ", 4000000000]}}",
                "compensation.conv0[15]", "int32");
        assertBad("{\"compensation\": {\"conv0\": [" + sixteen.substring(2) + ", "
                        + (net.layer("conv0").bias()[15] >= 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE) + "]}}",
                "compensation.conv0[15]", "overflows int32");
        ApproxMap ok = ApproxMap.parse("{\"compensation\": {\"fc0\": [" + String.join(",", Collections.nCopies(10, "-2"))
                + "]}}", "t").validate(net, "t");
        assertTrue(ok.isCompensated());
        assertEquals(net.layer("fc").bias()[3] + 2, ok.compensate(net).layer("fc").bias()[3]);
    }

    @Test
    void depthwiseAndFullyConnectedLayersTakeMapsOfTheirShape() throws Exception {
        Network kws = Network.load(BundledModel.KWS.model(Assets.fromEnvironment()));
        ConvLayer dw1 = kws.layer("dw1");
        ConvLayer fc = kws.layer("fc");
        assertEquals(List.of("conv0", "dw0", "conv1", "dw1", "conv2", "dw2", "conv3", "dw3", "conv4", "fc"),
                kws.weightedLayers().stream().map(ConvLayer::name).toList());
        assertEquals(1, dw1.filterDepth());
        assertEquals(fc, kws.layer("fc0"));
        String json = "{\"default\": \"roup-p1r2\", \"layers\": {\"dw1\": {\"kernels\": ["
                + kernelsJson(dw1.outC(), 1, "\"exact\"", 5, 0, "\"roupc-p0r4\"") + "]}, \"fc0\": {\"filters\": ["
                + String.join(",", Collections.nCopies(fc.outC(), "\"roup-p2r0\"")) + "]}}}";
        ApproxMap map = ApproxMap.parse(json, "t").validate(kws, "t");
        MultiplierConfig[][] k = map.resolve(dw1);
        assertEquals(dw1.outC(), k.length);
        assertEquals(1, k[0].length);
        assertEquals(MultiplierConfig.parse("roupc-p0r4"), k[5][0]);
        assertEquals(MultiplierConfig.EXACT, k[4][0]);
        assertEquals(MultiplierConfig.parse("roup-p1r2"), map.resolve(kws.layer("dw0"))[3][0], "default covers dw");
        MultiplierConfig[][] f = map.resolve(fc);
        assertEquals(fc.inC(), f[0].length, "FC kernels are [out][in]");
        assertEquals(MultiplierConfig.parse("roup-p2r0"), f[11][63]);
        assertEquals(MultiplierConfig.EXACT, ApproxMap.uniform(MultiplierConfig.parse("roup-p1r2")).resolve(fc)[0][0],
                "default leaves FC exact");

        Network ad = Network.load(BundledModel.AD.model(Assets.fromEnvironment()));
        assertEquals(10, ad.weightedLayers().size());
        assertEquals("fc9", ad.weightedLayers().get(9).name());
        assertEquals(null, ad.layer("fc"));
        assertBadFor(kws, "{\"layers\": {\"dw1\": {\"kernels\": [" + kernelsJson(dw1.outC(), 2, "\"exact\"", -1, -1, null)
                + "]}}}", "layers.dw1.kernels[0]", "reads 1 input channel");
        assertBadFor(kws, "{\"layers\": {\"fc\": {\"multiplier\": \"exact\"}, \"fc0\": {\"multiplier\": \"exact\"}}}",
                "layers.fc0", "same layer as layers.fc");
        assertBadFor(ad, "{\"layers\": {\"dw0\": {\"multiplier\": \"exact\"}}}", "layers.dw0", "fc0, fc1");
    }

    private void assertBad(String json, String place, String detail) throws Exception {
        assertBadFor(net, json, place, detail);
    }

    private void assertBadFor(Network network, String json, String place, String detail) throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, json);
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> ApproxMap.read(file).validate(network, file.toString()));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(place)
                && e.getMessage().contains(detail), e.getMessage());
    }

    /** [out][in] of {@code fill}, with one (row, col) entry replaced by {@code special}. */
    private static String kernelsJson(int out, int in, String fill, int row, int col, String special) {
        StringBuilder b = new StringBuilder();
        for (int o = 0; o < out; o++) {
            b.append(o > 0 ? "," : "").append('[');
            for (int i = 0; i < in; i++) {
                b.append(i > 0 ? "," : "").append(o == row && i == col ? special : fill);
            }
            b.append(']');
        }
        return b.toString();
    }
}
