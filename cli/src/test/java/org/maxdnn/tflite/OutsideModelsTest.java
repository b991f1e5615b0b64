package org.maxdnn.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The four outside models of {@code ../shared/data/models/outside} (float32 and NCHW inputs, PAD,
 * TRANSPOSE, MEAN, per-cell SOFTMAX, a regressor): with deterministic inputs, the golden model's
 * {@code runtime} rounding gives every output of the TFLite interpreter bit for bit, and the
 * {@code reference} rounding computes each layer, fed the same inputs, as {@code runtime} does except
 * in the kernels where TFLite's reference and x86 kernels differ.
 */
class OutsideModelsTest {
    private static final Path DIR = Assets.fromEnvironment().root().resolve("models/outside");
    private static final String[] MODELS = {"hello_world_int8", "ds_cnn_s_arm", "fomo_face", "mobilenet_v2_pytorch"};
    /** Where TFLite's reference kernels and its x86 kernels round differently (docs/design/operators.md). */
    private static final Set<OpType> DIFFERING = Set.of(OpType.CONV_2D, OpType.FULLY_CONNECTED);

    @Test
    void runtimeRoundingEqualsTheInterpreterOnEveryOutsideModel() throws Exception {
        for (String m : MODELS) {
            byte[] model = Files.readAllBytes(DIR.resolve(m + ".tflite"));
            int samples = m.startsWith("mobilenet") ? 1 : 4;
            assertEquals(null, InterpreterCheck.firstMismatch(m, model, Rounding.RUNTIME, samples), m);
        }
    }

    /** Arm's DS-CNN ends in SOFTMAX then DEQUANTIZE to float32: a classifier's logits are the int8 FC output. */
    @Test
    void theLogitsOfAFloatOutputModelAreTheInt8TensorBeforeSoftmaxAndDequantize() {
        Network net = Network.load(DIR.resolve("ds_cnn_s_arm.tflite"));
        assertEquals(org.maxdnn.model.ElementType.FLOAT32, net.model().tensor(net.outputTensor()).type());
        assertEquals(net.layer("fc").output(), net.logitsTensor());
        assertEquals(12, net.classes());
    }

    @Test
    void referenceRoundingDiffersFromRuntimeOnlyWhereTfliteKernelsDo() throws Exception {
        MultiplierRegistry registry = new MultiplierRegistry(null);
        for (String m : MODELS) {
            Path file = DIR.resolve(m + ".tflite");
            InferencePlan runtime = InferencePlan.compile(Network.load(file, Rounding.RUNTIME), ApproxMap.exact(), registry);
            InferencePlan reference = InferencePlan.compile(Network.load(file, Rounding.REFERENCE), ApproxMap.exact(),
                    registry);
            Workspace rt = runtime.newWorkspace();
            Workspace ref = reference.newWorkspace();
            Network net = runtime.network();
            Random rnd = new Random(m.hashCode());
            for (int t : net.inputTensors()) {
                rt.write(t, InterpreterCheck.input(net.model().tensor(t), rnd));
            }
            runtime.runFrom(0, rt, null);
            Object[] all = rt.snapshot();
            Set<String> differing = new TreeSet<>();
            List<Layer> layers = net.layers();
            for (int i = 0; i < layers.size(); i++) {
                ref.restore(all);
                reference.run(i, i + 1, ref, null);
                for (int out : layers.get(i).outputs()) {
                    if (!java.util.Arrays.equals(rt.read(out), ref.read(out))) {
                        differing.add(layers.get(i).op().name());
                    }
                }
            }
            differing.removeAll(DIFFERING.stream().map(OpType::name).toList());
            assertTrue(differing.isEmpty(), m + ": reference and runtime also differ in " + differing);
        }
    }
}
