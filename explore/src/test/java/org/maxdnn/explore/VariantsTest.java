package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.UnlabelledSets;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;

/**
 * Variants add inputs and change no sample's own figures: in a pool the samples come first, each
 * with the class it has without variants, under the exact model and under a map; each variant keeps
 * its source's label and names it. Scored against the exact network (top-1 agreement, fidelity), a
 * variant is compared with the exact network's output on that variant, not on its source.
 */
class VariantsTest {
    @Test
    void aPoolKeepsEverySamplesOwnScoreAndAddsLabelledVariants() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.KWS.model(assets));
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        DataSet data = DataSets.read(BundledModel.KWS.samples(assets), net, 40);
        assertEquals(Variants.FRAMES, Variants.of(data.format(), net.inputShape()));
        Variants.Pool pool = Variants.pool(data, net, 4, 2);
        int n = data.inputs().size();
        assertEquals(5 * n, pool.data().inputs().size());
        assertEquals(n, pool.data().samples());
        for (int i = 0; i < pool.source().length; i++) {
            assertEquals(data.inputs().get(pool.source()[i]).label(), pool.data().inputs().get(i).label());
            if (i < n) {
                assertEquals(data.inputs().get(i), pool.data().inputs().get(i), "the samples first, as they are");
            }
        }
        assertFalse(Arrays.equals(data.inputs().get(0).pixels(), pool.data().inputs().get(n).pixels()), "a shifted clip differs");

        AccuracyOracle plain = new AccuracyOracle(net, data, registry, 2);
        AccuracyOracle pooled = new AccuracyOracle(net, pool.data(), registry, 2);
        ApproxMap map = ApproxMap.layerLevel(Map.of(net.weightedLayers().get(1).name(), MultiplierConfig.parse("roup-p2r2")));
        for (AccuracyOracle.Score[] s : List.of(new AccuracyOracle.Score[] {plain.exact(), pooled.exact()},
                new AccuracyOracle.Score[] {plain.score(map), pooled.score(map)})) {
            assertArrayEquals(s[0].perInput(), Arrays.copyOf(s[1].perInput(), n));
            assertEquals(5 * n, s[1].perSample().length);
        }
        // per source: the samples' mean over themselves and their variants
        double[] perSource = pool.perSource(pooled.exact().perSample());
        assertEquals(n, perSource.length);
        assertEquals(Arrays.stream(pooled.exact().perSample()).sum(), 5 * Arrays.stream(perSource).sum(), 1e-9);
    }

    @Test
    void underAgreementEachVariantIsLabelledWithTheExactClassOnThatVariant() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.RESNET8.model(assets));
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        DataSet data = againstExact(assets, net, 12, true);
        Variants.Pool pool = Variants.pool(data, net, 2, 2);
        int n = data.inputs().size();
        assertEquals(3 * n, pool.data().inputs().size());
        assertTrue(((Classification) pool.data().task()).agreement(), "still top-1 agreement");
        // the exact network agrees with itself on every input, the flipped and shifted ones included
        AccuracyOracle oracle = new AccuracyOracle(net, pool.data(), registry, 2);
        assertEquals(1.0, oracle.exact().metric());
        double[] classes = oracle.exact().perInput();
        boolean changed = false;
        for (int i = n; i < 3 * n; i++) {
            assertEquals(classes[i], pool.data().inputs().get(i).label(), "variant " + i);
            changed |= classes[i] != classes[pool.source()[i]];
        }
        assertTrue(changed, "some flipped or shifted image changes the exact class (else this test shows nothing)");
    }

    @Test
    void underFidelityEachVariantIsComparedWithTheExactOutputOnThatVariant() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.RESNET8.model(assets));
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        DataSet data = againstExact(assets, net, 4, false);
        Variants.Pool pool = Variants.pool(data, net, 2, 2);
        int n = data.inputs().size();
        Fidelity f = (Fidelity) pool.data().task();
        assertEquals(3 * n, f.exact().length);
        assertArrayEquals(((Fidelity) data.task()).exact()[0], f.exact()[0], "the samples' references as they were");
        assertFalse(Arrays.equals(f.exact()[0], f.exact()[n]), "the flipped image's own exact output");
        AccuracyOracle oracle = new AccuracyOracle(net, pool.data(), registry, 2);
        assertEquals(1.0, oracle.exact().metric(), "no noise: the exact network against itself");
        assertNotEquals(0.0, f.signal());
    }

    /** ResNet-8's first {@code n} clean images scored against the exact network (top-1 agreement, or fidelity). */
    private static DataSet againstExact(Assets assets, Network net, int n, boolean agreement) {
        DataSet images = DataSets.read(BundledModel.RESNET8.samples(assets), net, n);
        return UnlabelledSets.of(images.source(), images.format(), images.inputs(), net, 2, agreement);
    }

    @Test
    void imageTransformsMoveWholePixels() {
        // a 3x4 image of 2 channels: pixel (y, x) holds bytes 10y + x and 100 + 10y + x
        byte[] img = new byte[3 * 4 * 2];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                img[(y * 4 + x) * 2] = (byte) (10 * y + x);
                img[(y * 4 + x) * 2 + 1] = (byte) (100 + 10 * y + x);
            }
        }
        byte[] flip = Variants.transform("flip", img, 3, 4, 2);
        assertArrayEquals(img, Variants.transform("flip", flip, 3, 4, 2));
        assertEquals(3, flip[0]);
        assertEquals(103, flip[1]);
        byte[] right = Variants.transform("x+2", img, 3, 4, 2);
        // columns 0..3 of row 1 become the source's 0, 0, 0, 1: the edge repeated, the content moved right by 2
        assertArrayEquals(new byte[] {10, 110, 10, 110, 10, 110, 11, 111}, Arrays.copyOfRange(right, 8, 16));
        byte[] down = Variants.transform("y+2", img, 3, 4, 2);
        assertArrayEquals(Arrays.copyOfRange(img, 0, 8), Arrays.copyOfRange(down, 16, 24));
        assertEquals(List.of(), Variants.of(InputFormat.FLOAT32_WINDOWS, new int[] {1, 640}));
    }
}
