package org.maxdnn.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.OutputStage;
import org.maxdnn.infer.Window;
import org.maxdnn.infer.Network;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupConfig;

class TilingTest {
    /** A 2x2 conv, 5 input and 5 output channels, 2x5 output pixels: M = 10, K = 20, N = 5. */
    private static ConvLayer layer(OpType op) {
        byte[] w = new byte[5 * 20];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) i;
        }
        return new ConvLayer("t", op, 0, 1, new FeatureMap(3, 6, 5), new FeatureMap(2, 5, 5),
                new Window(2, 2, 1, 1, 0, 0), 1, w, new int[5], 0,
                new OutputStage(null, 0, -128, 127, false));
    }

    private static MultiplierConfig[][] kernels(java.util.function.BiFunction<Integer, Integer, MultiplierConfig> f) {
        MultiplierConfig[][] k = new MultiplierConfig[5][5];
        for (int oc = 0; oc < 5; oc++) {
            for (int ic = 0; ic < 5; ic++) {
                k[oc][ic] = f.apply(oc, ic);
            }
        }
        return k;
    }

    @Test
    void handComputedTilingOnAnEightByFourArray() {
        Tiling t = Tiling.of(GemmViews.of(layer(OpType.CONV_2D)), ArrayConfig.configurable(8, 4));
        assertEquals(3, t.kFolds()); // 20 = 8 + 8 + 4
        assertEquals(2, t.nFolds()); // 5 = 4 + 1
        assertEquals(6, t.folds().size());
        Tiling.Fold last = t.folds().get(5);
        assertEquals(new Tiling.Fold(0, 16, 4, 4, 1), last);
        // PE (3, 0) of the last fold: k = 19, output channel 4, weight W[4][19] = 4·20 + 19
        assertEquals(99, t.weight(last, 3, 0));
        assertEquals(19, t.patchIndex(last, 3));
        assertEquals(4, t.outputChannel(last, 0));
        assertEquals(0, t.weight(last, 4, 0), "idle row");
        assertEquals(-1, t.patchIndex(last, 4));
        assertEquals(-1, t.outputChannel(last, 1), "idle column");
        // 6 folds x (8 load + 10 vectors + 12 latency) cycles
        assertEquals(180, t.cycles(10));
        assertEquals(6 * (8 + 40 + 12), t.cycles(40));
        assertEquals(100.0 / (6 * 32), t.mappingEfficiency(), 1e-12);
        assertEquals(1000.0 / (32 * 180), t.utilisation(10), 1e-12);
        // PE (1, 2) of fold 0 runs kernel (channel 2, input channel 1 % 5); idle PEs are exact
        MultiplierConfig[][] k = kernels((oc, ic) -> RoupConfig.roup(oc % 4, ic));
        assertEquals(RoupConfig.roup(2, 1), t.config(t.folds().get(0), 1, 2, k));
        assertEquals(MultiplierConfig.EXACT, t.config(last, 0, 1, k));
    }

    @Test
    void fixedConfigsExistOnlyForFoldConsistentMaps() {
        Tiling t = Tiling.of(GemmViews.of(layer(OpType.CONV_2D)), ArrayConfig.configurable(8, 4));
        // filters repeating with the 4 columns: PE column c always meets channels c and c + 4
        Tiling.FixedArray filters = t.fixedArray(kernels((oc, ic) -> RoupConfig.roup(oc % 4, 1)));
        assertTrue(filters.exists());
        assertNull(filters.why());
        assertEquals("SystolicArray_t_8x4", filters.array().moduleName());
        assertEquals(RoupConfig.roup(3, 1), filters.array().config(7, 3));
        // kernel level: PE row 0 meets k = 0, 8, 16, i.e. input channels 0, 3, 1
        Tiling.FixedArray kernelLevel = t.fixedArray(kernels((oc, ic) -> RoupConfig.roup(0, ic)));
        assertFalse(kernelLevel.exists());
        assertEquals("no fixed array runs all of t: its map is not fold-consistent (PE (0,0) would need roup-p0r0 for "
                + "(k 0, channel 0) and roup-p0r3 for (k 8, channel 0))", kernelLevel.why());
        assertThrows(MaxdnnException.class, kernelLevel::require);
        // a fixed array's PE keeps its own configuration, idle or not
        ArrayConfig a = filters.require();
        Tiling f = Tiling.of(GemmViews.of(layer(OpType.CONV_2D)), a);
        assertEquals(a.config(5, 1), f.config(f.folds().get(5), 5, 1, null));
    }

    @Test
    void fullyConnectedIsAOneByOneConvolution() {
        byte[] w = new byte[5 * 20];
        w[3 * 20 + 7] = 42;
        ConvLayer fc = new ConvLayer("fc", OpType.FULLY_CONNECTED, 0, 1, new FeatureMap(1, 1, 20), new FeatureMap(1, 1, 5),
                new Window(1, 1, 1, 1, 0, 0), 1, w, new int[5], 0,
                new OutputStage(null, 0, -128, 127, false));
        GemmView v = GemmViews.of(fc);
        assertEquals(List.of(1, 20, 5, 1), List.of(v.m(), v.k(), v.n(), v.groups()));
        assertEquals(42, v.weight(0, 7, 3));
        assertEquals(7, v.kernelColumn(7));
    }

    /** Depthwise, 3 channels, depth multiplier 2, 2x2 taps: a group per channel, K = 4, N = 2. */
    @Test
    void depthwiseIsAGemmPerInputChannel() {
        byte[] w = new byte[6 * 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) i;
        }
        ConvLayer dw = new ConvLayer("dw", OpType.DEPTHWISE_CONV_2D, 0, 1, new FeatureMap(3, 3, 3), new FeatureMap(2, 2, 6),
                new Window(2, 2, 1, 1, 0, 0), 3, w, new int[6], 0,
                new OutputStage(null, 0, -128, 127, false));
        GemmView v = GemmViews.of(dw);
        assertEquals(List.of(4, 4, 2, 3), List.of(v.m(), v.k(), v.n(), v.groups()));
        // group 2, tap k = 3 (ky 1, kx 1) reads patch element (1·2 + 1)·3 + 2; output 1 of group 2 is channel 5
        assertEquals(11, v.patchIndex(2, 3));
        assertEquals(5, v.outputChannel(2, 1));
        assertEquals(5 * 4 + 3, v.weight(2, 3, 1));
        assertEquals(0, v.kernelColumn(3), "one kernel column per filter");
        // on 4x4: groups 0 and 1 side by side (columns 0-1 and 2-3, stacked reductions 0-3 and 4-7), then group 2
        Tiling t = Tiling.of(v, ArrayConfig.configurable(4, 4));
        assertEquals(2, t.groupsPerFold());
        assertEquals(List.of(new Tiling.Fold(0, 0, 4, 0, 4), new Tiling.Fold(0, 4, 4, 0, 4), new Tiling.Fold(2, 0, 4, 0, 2)),
                t.folds());
        Tiling.Fold second = t.folds().get(1);
        assertTrue(t.used(second, 0, 2));
        assertFalse(t.used(second, 0, 1), "group 0's column beside group 1's rows");
        assertEquals(2 * 4 + 0, t.weight(second, 0, 2), "channel 2, tap 0");
        assertEquals(0, t.weight(second, 0, 0));
        assertEquals(v.patchIndex(1, 1), t.patchIndex(second, 1));
        assertEquals(3, t.outputChannel(second, 3));
        assertEquals(0.5, t.mappingEfficiency(), 1e-12);
        assertEquals(3 * (4 + 4 + 8), t.cycles(4));
    }

    /**
     * Three 3x3 depthwise channels (depth multiplier 1) on 4x4: packed, their 27 stacked taps take
     * ceil(27 / 4) = 7 folds where SCALE-Sim's one layer per channel takes 3 x ceil(9 / 4) = 9.
     */
    @Test
    void depthwiseChannelsArePackedBlockDiagonally() {
        byte[] w = new byte[3 * 9];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (i + 1);
        }
        ConvLayer dw = new ConvLayer("dw", OpType.DEPTHWISE_CONV_2D, 0, 1, new FeatureMap(4, 4, 3), new FeatureMap(2, 2, 3),
                new Window(3, 3, 1, 1, 0, 0), 3, w, new int[3], 0,
                new OutputStage(null, 0, -128, 127, false));
        Tiling t = Tiling.of(GemmViews.of(dw), ArrayConfig.configurable(4, 4));
        assertEquals(3, t.groupsPerFold());
        assertEquals(7, t.folds().size());
        // fold 2 holds stacked taps 8..11: channel 0's last tap on row 0, channel 1's taps 0..2 on rows 1..3
        Tiling.Fold f = t.folds().get(2);
        assertEquals(new Tiling.Fold(0, 8, 4, 0, 3), f);
        assertTrue(t.used(f, 0, 0));
        assertEquals(9, t.weight(f, 0, 0), "channel 0, tap 8");
        for (int r = 1; r < 4; r++) {
            assertTrue(t.used(f, r, 1));
            assertFalse(t.used(f, r, 0));
            assertEquals(9 + r, t.weight(f, r, 1), "channel 1, tap " + (r - 1));
        }
        assertFalse(t.used(f, 0, 2), "channel 2 has no tap in this fold");
        assertEquals(4, t.usedPes(f));
        MultiplierConfig[][] k = {{RoupConfig.roup(1, 2)}, {RoupConfig.roup(2, 0)}, {RoupConfig.roup(0, 3)}};
        assertEquals(RoupConfig.roup(2, 0), t.config(f, 3, 1, k), "each PE takes its channel's kernel");
        assertEquals(MultiplierConfig.EXACT, t.config(f, 3, 0, k), "a PE between groups is idle");
        assertEquals(27.0 / (7 * 16), t.mappingEfficiency(), 1e-12);
        // SCALE-Sim: 9 folds x (2·4 + 4 + T − 2); the RTL: 7 x (2·4 + 4 + T)
        assertEquals(9, ScaleSimModel.folds(t.view(), t.array()));
        assertEquals(9 * (8 + 4 + 4 - 2), ScaleSimModel.cycles(t.view(), t.array(), 4));
        ScaleSimModel.Comparison c = ScaleSimModel.compare(t, 4, t.cycles(4));
        assertEquals(7 * 16, c.rtlCycles());
        assertEquals(2 * 7, c.registers());
        assertEquals((7 - 9) * 14, c.packing());
        assertTrue(c.explained());
        assertFalse(ScaleSimModel.compare(t, 4, t.cycles(4) + 1).explained());
    }

    @Test
    void scaleSimCountsTwoCyclesLessPerFold() {
        Tiling t = Tiling.of(GemmViews.of(layer(OpType.CONV_2D)), ArrayConfig.configurable(8, 4));
        // 6 folds x (2·8 + 4 + 10 − 2) = 168; the RTL's 180 = 168 + 2·6, no packing
        assertEquals(168, ScaleSimModel.cycles(t.view(), t.array(), 10));
        ScaleSimModel.Comparison c = ScaleSimModel.compare(t, 10, 180);
        assertEquals(12, c.registers());
        assertEquals(0, c.packing());
        assertTrue(c.explained());
    }

    @Test
    void whatCannotBeTiledIsAClearError() {
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> GemmViews.of(layer(OpType.MAX_POOL_2D)));
        assertTrue(e.getMessage().contains("layer t: MAX_POOL_2D has no mapping onto the array"), e.getMessage());
        assertThrows(MaxdnnException.class, () -> ArrayConfig.configurable(8, 300));
        Tiling t = Tiling.of(GemmViews.of(layer(OpType.CONV_2D)), ArrayConfig.configurable(8, 4));
        assertThrows(MaxdnnException.class, () -> t.cycles(0));
    }

    /** Every ResNet-8 layer on 16x16 and 8x8 against the reviewed golden table (rewritten only by make golden). */
    @Test
    void resnet8TilingMatchesGoldenCsv() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/tiling_resnet8.csv")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Network net = Network.load(Assets.fromEnvironment().model());
        String[] g = golden.split("\n");
        String[] a = TilingTable.csv(net, TilingTable.goldenArrays()).split("\n");
        assertEquals(g.length, a.length, "row count");
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i], a[i], "line " + (i + 1) + " of golden/tiling_resnet8.csv");
        }
        assertEquals(1 + 2 * net.weightedLayers().size(), g.length);
    }
}
