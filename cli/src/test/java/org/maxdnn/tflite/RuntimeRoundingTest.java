package org.maxdnn.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.tflite.TfliteOutputs;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The golden model's {@code runtime} rounding against the real TFLite x86 interpreter (one thread,
 * default options) on the shared sample sets of all five MLPerf Tiny networks: the logits and the
 * output tensor bit for bit on every sample (every window of the anomaly set), and every layer's
 * output on a few samples, read from a copy of the model that lists them as outputs. The
 * reference rounding, as a control, does differ from the interpreter.
 */
class RuntimeRoundingTest {
    private static final Assets ASSETS = Assets.fromEnvironment();
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    /** Mismatching values of one comparison, and the first one as text. */
    private record Comparison(String network, long values, long mismatches, String first) {
    }

    @Test
    void runtimeRoundingEqualsTheInterpreterOnEverySampleOfEveryNetwork() throws Exception {
        List<Comparison> all = parallel(m -> compare(m, Rounding.RUNTIME, 0, false));
        for (Comparison c : all) {
            assertTrue(c.values() > 0, c.network());
            assertEquals(0, c.mismatches(), c.network() + ": " + c.mismatches() + " of " + c.values()
                    + " logits/output values differ from the interpreter, first " + c.first());
        }
    }

    @Test
    void runtimeRoundingEqualsTheInterpreterLayerByLayer() throws Exception {
        for (Comparison c : parallel(m -> compare(m, Rounding.RUNTIME, 3, true))) {
            assertEquals(0, c.mismatches(), c.network() + ": " + c.mismatches() + " of " + c.values()
                    + " layer output values differ from the interpreter, first " + c.first());
        }
    }

    @Test
    void theReferenceRoundingIsAnotherArithmetic() throws Exception {
        Comparison c = compare(BundledModel.RESNET8, Rounding.REFERENCE, 3, true);
        assertTrue(c.mismatches() > 0, "reference and runtime rounding should differ on ResNet-8's layers");
    }

    /** The five networks, two at a time (an interpreter and a workspace per network). */
    private static List<Comparison> parallel(Check check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Comparison>> fs = new ArrayList<>();
            for (BundledModel m : BundledModel.values()) {
                fs.add(pool.submit(() -> check.run(m)));
            }
            List<Comparison> out = new ArrayList<>();
            for (Future<Comparison> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Check {
        Comparison run(BundledModel m) throws Exception;
    }

    /**
     * The golden model against the interpreter on the first {@code limit} inputs (0: all): every
     * layer's output when {@code layers}, else the logits and the model's output.
     */
    private static Comparison compare(BundledModel m, Rounding rounding, int limit, boolean layers) throws Exception {
        Network net = Network.load(m.model(ASSETS), rounding);
        DataSet data = DataSets.read(m.samples(ASSETS), net, 0);
        List<LabeledImage> inputs = limit > 0 ? data.inputs().subList(0, limit) : data.inputs();
        int[] tensors = layers ? net.layers().stream().mapToInt(Layer::output).toArray()
                : IntStream.of(net.logitsTensor(), net.outputTensor()).distinct().toArray();
        byte[] model = TfliteOutputs.withOutputs(Files.readAllBytes(m.model(ASSETS)), tensors);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), REGISTRY);
        Workspace ws = plan.newWorkspace();
        long values = 0;
        long mismatches = 0;
        String first = null;
        try (TfliteInterpreter tflite = TfliteInterpreter.open(model, 1)) {
            for (LabeledImage in : inputs) {
                tflite.run(in.pixels());
                plan.run(in.pixels(), ws, null);
                for (int k = 0; k < tensors.length; k++) {
                    byte[] expected = tflite.output(k);
                    byte[] actual = ws.tensor(tensors[k]);
                    values += expected.length;
                    for (int i = 0; i < expected.length; i++) {
                        if (expected[i] != actual[i]) {
                            mismatches++;
                            if (first == null) {
                                first = in.name() + " tensor " + tensors[k] + " (" + net.model().tensor(tensors[k]).name()
                                        + ") [" + i + "]: interpreter " + expected[i] + ", golden " + actual[i];
                            }
                        }
                    }
                }
            }
        }
        return new Comparison(m.shortName() + " (" + Path.of(net.model().file().toString()).getFileName() + ")",
                values, mismatches, first);
    }
}
