package org.maxdnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.ImageFolder;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.flow.FlowListener;
import org.maxdnn.flow.Trainer;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.TfliteModel;
import org.maxdnn.mult.RoupConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.tflite.TfliteInterpreter;

/**
 * The trainer end to end on ResNet-8, kept to a minute or two of CPU: its fake-quantised forward
 * pass predicts what the golden model predicts; a few hundred steps on a small stratified subset of
 * the training JPEGs lower the loss; the export is the original graph with new numbers, which the
 * TFLite interpreter runs bit for bit like the golden model's runtime rounding.
 */
class FineTuneTest {
    private static final Assets ASSETS = Assets.fromEnvironment();
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    @TempDir
    Path tmp;

    @Test
    void theFakeQuantisedForwardPassPredictsWhatTheGoldenModelPredicts() {
        Network net = Network.load(BundledModel.RESNET8.model(ASSETS));
        List<LabeledImage> images = ImageSets.readFolder(ASSETS.images(), 0);
        for (ApproxMap map : List.of(ApproxMap.exact(), ApproxMap.uniform(RoupConfig.roup(1, 2)))) {
            int[] golden = Evaluation.run(InferencePlan.compile(net, map, REGISTRY), images, 2, i -> { }).predictions();
            try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
                QatNetwork qat = new QatNetwork(net, map, REGISTRY, m);
                float[] x = plain(qat, images);
                NDArray logits = qat.logits(m.create(x, new Shape(images.size(), 3, 32, 32)));
                long[] predicted = logits.argMax(1).toLongArray();
                int agree = 0;
                for (int i = 0; i < predicted.length; i++) {
                    agree += predicted[i] == golden[i] ? 1 : 0;
                }
                // the integer requantisation rounds where the float pass rounds once; approximate products amplify it
                double bound = map.equals(ApproxMap.exact()) ? 0.95 : 0.9;
                assertTrue(agree >= bound * images.size(), map.toJson() + ": the training forward pass agrees with the "
                        + "golden model on " + agree + " of " + images.size() + " images");
            }
        }
    }

    @Test
    void aFewHundredStepsLowerTheLossAndTheExportRunsBitForBitInTheInterpreter() throws Exception {
        Path zip = ASSETS.root().resolve("cifar10/jpeg_train/cifar10_train_jpeg.zip");
        List<LabeledImage> train = ImageFolder.read(zip, 32, 1000);
        Path model = BundledModel.RESNET8.model(ASSETS);
        ApproxMap map = ApproxMap.uniform(RoupConfig.roup(2, 2));
        Path out = tmp.resolve("finetuned.tflite");
        Trainer.Result r = DjlTrainer.create().train(model, map, REGISTRY, train,
                new Trainer.Schedule(4, 32, 1e-3, 1e-4, 1, 120), out, FlowListener.SILENT);
        double first = Arrays.stream(r.firstLosses()).average().orElseThrow();
        double last = Arrays.stream(r.lastLosses()).average().orElseThrow();
        assertTrue(last < 0.7 * first, "the loss should fall: first steps " + first + ", last steps " + last);

        TfliteModel before = TfliteModel.read(model);
        TfliteModel after = TfliteModel.read(out);
        assertEquals(Files.size(model), Files.size(out), "the same flatbuffer with new numbers");
        assertEquals(before.operators().size(), after.operators().size());
        int changed = 0;
        for (int t = 0; t < before.tensors().size(); t++) {
            assertEquals(before.tensor(t).name(), after.tensor(t).name());
            changed += Arrays.equals(before.tensor(t).data(), after.tensor(t).data()) ? 0 : 1;
        }
        assertEquals(20, changed, "10 weight and 10 bias tensors of ResNet-8 get new values");

        Network net = Network.load(out, Rounding.RUNTIME);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), REGISTRY);
        Workspace ws = plan.newWorkspace();
        List<LabeledImage> samples = ImageSets.readFolder(ASSETS.images(), 30);
        try (TfliteInterpreter tflite = TfliteInterpreter.open(out, 1)) {
            for (LabeledImage in : samples) {
                tflite.run(in.pixels());
                plan.run(in.pixels(), ws, null);
                assertEquals(Arrays.toString(tflite.output(0)), Arrays.toString(ws.tensor(net.outputTensor())),
                        in.name() + ": the interpreter and the golden model's runtime rounding");
            }
        }
        assertFalse(r.epochs().isEmpty());
    }

    private static float[] plain(QatNetwork qat, List<LabeledImage> images) {
        float[] x = new float[images.size() * 3 * 1024];
        for (int i = 0; i < images.size(); i++) {
            byte[] px = images.get(i).pixels();
            for (int p = 0; p < 1024; p++) {
                for (int c = 0; c < 3; c++) {
                    x[i * 3072 + c * 1024 + p] = qat.inputValue(px[p * 3 + c] & 0xFF);
                }
            }
        }
        return x;
    }
}
