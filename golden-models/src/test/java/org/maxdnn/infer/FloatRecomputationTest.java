package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ops.Add;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.Quantization;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Why the integer kernels are trustworthy: every conv/FC output is recomputed from the same int8
 * inputs in double precision (real accumulator × s_in·s_w / s_out, rounded, + zero point, clamped).
 * The fixed-point path of TFLite's reference kernels rounds twice (doubling high multiply, then
 * divide by a power of two), so it may differ from this by one step on ties — and only by that.
 * The final FC outputs themselves are checked against an independent implementation of the
 * reference kernels by {@link ReferenceOutputsTest}.
 */
class FloatRecomputationTest {

    @Test
    void everyLayerAgreesWithADoubleRecomputationUpToOneStep() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        List<LabeledImage> images = ImageSets.readFolder(assets.images(), 3);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), new MultiplierRegistry(null));
        Workspace ws = plan.newWorkspace();
        long[] outputs = new long[1];
        long[] offByOne = new long[1];
        for (int img = 0; img < images.size(); img++) {
            plan.run(images.get(img).pixels(), ws, (layer, in, acc, out) -> {
                Quantization qi = net.model().tensor(layer.input()).quant();
                Quantization qo = net.model().tensor(layer.output()).quant();
                Quantization qw = net.model().tensors().stream()
                        .filter(t -> t.data() == layer.weights()).findFirst().orElseThrow().quant();
                int o = 0;
                for (int p = 0; p < layer.outH() * layer.outW(); p++) {
                    int oy = p / layer.outW();
                    int ox = p % layer.outW();
                    for (int oc = 0; oc < layer.outC(); oc++, o++) {
                        long sum = layer.bias()[oc];
                        for (int ky = 0; ky < layer.kh(); ky++) {
                            for (int kx = 0; kx < layer.kw(); kx++) {
                                int iy = oy * layer.strideH() - layer.padTop() + ky;
                                int ix = ox * layer.strideW() - layer.padLeft() + kx;
                                if (iy < 0 || iy >= layer.inH() || ix < 0 || ix >= layer.inW()) {
                                    continue;
                                }
                                for (int ic = 0; ic < layer.inC(); ic++) {
                                    int x = in[(iy * layer.inW() + ix) * layer.inC() + ic];
                                    sum += (long) (x - layer.inZeroPoint()) * layer.weight(oc, ky, kx, ic);
                                }
                            }
                        }
                        assertEquals(sum, acc[o], layer.name() + " accumulator " + o);
                        double real = sum * ((double) qi.scale() * qw.scale(oc) / qo.scale());
                        long q = Math.round(real) + layer.outZeroPoint();
                        int expected = (int) Math.max(layer.actMin(), Math.min(layer.actMax(), q));
                        int diff = Math.abs(expected - out[o]);
                        assertTrue(diff <= 1, layer.name() + " output " + o + ": " + out[o] + " vs double " + real);
                        outputs[0]++;
                        offByOne[0] += diff;
                    }
                }
            });
        }
        // the documented double-rounding cases are rare (the reference saw 0.03–0.1% of conv outputs;
        // here 272 of 258,078 = 0.105%): a tie after the first rounding, about 2^-shift of outputs
        assertTrue(offByOne[0] * 200 < outputs[0], offByOne[0] + " of " + outputs[0] + " outputs differ by one step");
    }

    @Test
    void addLayersAgreeWithADoubleRecomputationUpToOneStep() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        byte[] pixels = ImageSets.readFolder(assets.images(), 1).get(0).pixels();
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), new MultiplierRegistry(null));
        Workspace ws = plan.newWorkspace();
        plan.run(pixels, ws, null);
        int adds = 0;
        for (Layer l : net.layers()) {
            if (!(l instanceof Add a)) {
                continue;
            }
            adds++;
            Quantization q1 = net.model().tensor(a.input1()).quant();
            Quantization q2 = net.model().tensor(a.input2()).quant();
            Quantization qo = net.model().tensor(a.output()).quant();
            byte[] x = ws.tensor(a.input1());
            byte[] y = ws.tensor(a.input2());
            byte[] out = ws.tensor(a.output());
            int differ = 0;
            for (int i = 0; i < a.elements(); i++) {
                double real = (q1.scale() * (double) (x[i] - q1.zeroPoint()) + q2.scale() * (double) (y[i] - q2.zeroPoint()))
                        / qo.scale();
                long q = Math.max(a.actMin(), Math.min(a.actMax(), Math.round(real) + qo.zeroPoint()));
                assertTrue(Math.abs(q - out[i]) <= 1, a.name() + " element " + i);
                differ += q != out[i] ? 1 : 0;
            }
            assertTrue(differ * 100 < a.elements(), a.name() + ": " + differ + " one-step differences");
        }
        assertEquals(3, adds);
    }
}
