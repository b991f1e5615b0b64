package org.maxdnn.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.infer.ConvKernel;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.SlotOptions;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.model.TfliteModel;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.RoupConfig;

/**
 * Bias compensation on a synthetic conv → depthwise → FC network under roup-p1r0, whose error is
 * linear in the activation: f(x, w) = x·w_P with w_P = ((w + 2) >> 2) << 2, so
 * e(x, w) = f(x, w) − f(x_zp, w) − (x − x_zp)·w = (x − x_zp)·(w_P − w), and a channel's correction is
 * Σ over in-bounds taps of (x − x_zp)·(w_P − w), averaged over outputs, computed here by direct loops.
 */
class CompensationTest {
    private static final int ZP = -5;
    private static final MultiplierConfig P1 = RoupConfig.roup(1, 0);
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    private static TensorInfo activation(int index, int... shape) {
        return new TensorInfo(index, "t" + index, shape, ElementType.INT8,
                new Quantization(new float[] {0.05f}, new long[] {ZP}, 0), new byte[0]);
    }

    private static TensorInfo weights(int index, Random rnd, int... shape) {
        TensorInfo t = new TensorInfo(index, "w" + index, shape, ElementType.INT8,
                new Quantization(new float[] {0.02f}, new long[] {0}, 0), new byte[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)]);
        rnd.nextBytes(t.data());
        return t;
    }

    private static TensorInfo bias(int index, Random rnd, int n) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putInt(rnd.nextInt(2001) - 1000);
        }
        return new TensorInfo(index, "b" + index, new int[] {n}, ElementType.INT32, null, b.array());
    }

    /** conv0 3×3 SAME 5×5×2 → 5×5×3, dw0 3×3 SAME, fc 75 → 4. */
    static Network network() {
        Random rnd = new Random(16);
        List<TensorInfo> t = List.of(activation(0, 1, 5, 5, 2), weights(1, rnd, 3, 3, 3, 2), bias(2, rnd, 3),
                activation(3, 1, 5, 5, 3), weights(4, rnd, 1, 3, 3, 3), bias(5, rnd, 3), activation(6, 1, 5, 5, 3),
                weights(7, rnd, 4, 75), bias(8, rnd, 4), activation(9, 1, 4));
        // SAME padding (0), strides 1 (slots 1, 2); depthwise: depth multiplier 1 (slot 3)
        List<Operator> ops = List.of(
                new Operator(0, OpType.CONV_2D, 3, null, new int[] {0, 1, 2}, new int[] {3},
                        new SlotOptions().set(0, 0).set(1, 1).set(2, 1)),
                new Operator(1, OpType.DEPTHWISE_CONV_2D, 4, null, new int[] {3, 4, 5}, new int[] {6},
                        new SlotOptions().set(0, 0).set(1, 1).set(2, 1).set(3, 1)),
                new Operator(2, OpType.FULLY_CONNECTED, 9, null, new int[] {6, 7, 8}, new int[] {9}, new SlotOptions()));
        return Network.of(new TfliteModel(Path.of("synthetic.tflite"), "", t, ops, new int[] {0}, new int[] {9}));
    }

    static List<byte[]> inputs(int n) {
        Random rnd = new Random(7);
        List<byte[]> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[50];
            rnd.nextBytes(b);
            in.add(b);
        }
        return in;
    }

    /** Each layer's int8 input per calibration input, as the exact network computes it. */
    private static Map<String, List<byte[]>> exactInputs(Network net, List<byte[]> inputs) {
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), REGISTRY);
        Workspace ws = exact.newWorkspace();
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        for (byte[] in : inputs) {
            exact.run(in, ws, (l, x, acc, o) -> out.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(x.clone()));
        }
        return out;
    }

    /** The closed form: Σ over outputs and in-bounds taps of (x − x_zp)·(w_P − w), by direct loops. */
    private static long[] errorSums(ConvLayer l, List<byte[]> layerInputs) {
        long[] sum = new long[l.outC()];
        for (byte[] x : layerInputs) {
            for (int oc = 0; oc < l.outC(); oc++) {
                for (int oy = 0; oy < l.outH(); oy++) {
                    for (int ox = 0; ox < l.outW(); ox++) {
                        for (int ky = 0; ky < l.kh(); ky++) {
                            for (int kx = 0; kx < l.kw(); kx++) {
                                int iy = oy - l.padTop() + ky;
                                int ix = ox - l.padLeft() + kx;
                                if (iy < 0 || iy >= l.inH() || ix < 0 || ix >= l.inW()) {
                                    continue;
                                }
                                for (int j = 0; j < l.filterDepth(); j++) {
                                    int ic = l.firstInputChannel(oc) + j;
                                    int w = l.weight(oc, ky, kx, j);
                                    int wp = ((w + 2) >> 2) << 2;
                                    sum[oc] += (long) (x[(iy * l.inW() + ix) * l.inC() + ic] - ZP) * (wp - w);
                                }
                            }
                        }
                    }
                }
            }
        }
        return sum;
    }

    private static ApproxMap approximateEverywhere() {
        return new ApproxMap(P1, Map.of("fc", LayerEntry.layer(P1)));
    }

    @Test
    void correctionIsTheRoundedMeanOfTheClosedFormError() {
        Network net = network();
        List<byte[]> inputs = inputs(20);
        ApproxMap comp = Compensation.calibrate(net, approximateEverywhere(), inputs, REGISTRY);
        Map<String, List<byte[]>> layerInputs = exactInputs(net, inputs);
        assertEquals(List.of("conv0", "dw0", "fc"), List.copyOf(comp.compensation().keySet()));
        for (ConvLayer l : net.weightedLayers()) {
            long[] sum = errorSums(l, layerInputs.get(l.name()));
            long outputs = (long) inputs.size() * l.outH() * l.outW();
            int[] expected = new int[l.outC()];
            for (int oc = 0; oc < expected.length; oc++) {
                expected[oc] = (int) Math.signum(sum[oc]) * (int) Math.floor(Math.abs(sum[oc]) / (double) outputs + 0.5);
            }
            assertArrayEquals(expected, comp.compensation(l), l.name());
            assertTrue(java.util.Arrays.stream(expected).anyMatch(v -> v != 0), l.name() + ": a non-trivial case");
        }
    }

    @Test
    void compensationRemovesTheMeanErrorOfEveryChannel() {
        Network net = network();
        List<byte[]> inputs = inputs(20);
        ApproxMap plain = approximateEverywhere();
        ApproxMap comp = Compensation.calibrate(net, plain, inputs, REGISTRY);
        Network compensated = comp.compensate(net);
        Map<String, List<byte[]>> layerInputs = exactInputs(net, inputs);
        for (ConvLayer l : net.weightedLayers()) {
            ConvLayer cl = compensated.layer(l.name());
            MultiplierConfig[][] configs = plain.resolve(l);
            ConvKernel exact = ConvKernel.compile(l, ApproxMap.exact().resolve(l), REGISTRY);
            ConvKernel before = ConvKernel.compile(l, configs, REGISTRY);
            ConvKernel after = ConvKernel.compile(cl, configs, REGISTRY);
            ConvKernel.Scratch s = new ConvKernel.Scratch(l.patchSize(), l.outC());
            int n = l.outH() * l.outW() * l.outC();
            long[] errBefore = new long[l.outC()];
            long[] errAfter = new long[l.outC()];
            for (byte[] x : layerInputs.get(l.name())) {
                int[] e = new int[n];
                int[] b = new int[n];
                int[] a = new int[n];
                byte[] out = new byte[n];
                exact.run(x, out, s, e);
                before.run(x, out, s, b);
                after.run(x, out, s, a);
                for (int i = 0; i < n; i++) {
                    errBefore[i % l.outC()] += b[i] - e[i];
                    errAfter[i % l.outC()] += a[i] - e[i];
                    assertEquals(b[i] - comp.compensation(l)[i % l.outC()], a[i], l.name() + " output " + i);
                }
            }
            long outputs = (long) inputs.size() * l.outH() * l.outW();
            for (int oc = 0; oc < l.outC(); oc++) {
                assertTrue(Math.abs(errAfter[oc]) * 2 <= outputs, l.name() + " channel " + oc + ": mean error "
                        + errAfter[oc] / (double) outputs + " after, " + errBefore[oc] / (double) outputs + " before");
            }
        }
    }

    @Test
    void exactLayersGetNoEntryAndTheMapRoundTripsThroughJson() {
        Network net = network();
        ApproxMap comp = Compensation.calibrate(net, ApproxMap.layerLevel(Map.of("dw0", P1)), inputs(3), REGISTRY);
        assertEquals(List.of("dw0"), List.copyOf(comp.compensation().keySet()));
        ApproxMap back = ApproxMap.parse(comp.toJson(), "round trip");
        assertEquals(comp, back);
        back.validate(net, "round trip");
        assertEquals(ApproxMap.exact(), ApproxMap.parse(ApproxMap.exact().toJson(), "plain"));
    }

    @Test
    void roundedMeanRoundsHalfAwayFromZero() {
        assertEquals(3, Compensation.roundedMean(5, 2));
        assertEquals(2, Compensation.roundedMean(7, 4));
        assertEquals(-3, Compensation.roundedMean(-5, 2));
        assertEquals(1, Compensation.roundedMean(4, 3));
        assertEquals(-1, Compensation.roundedMean(-4, 3));
        assertEquals(0, Compensation.roundedMean(-1, 3));
    }
}
