package org.maxdnn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.flow.FlowListener;
import org.maxdnn.flow.Trainer;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * {@link Trainer} on DJL's PyTorch engine, CPU, offline. Each step runs in its own memory pool
 * (an {@link NDManager} closed after the step): the parameters and momentum buffers are attached to
 * it for the step, so whatever an operation on them creates is freed with it, and they return to the
 * long-lived pool afterwards (otherwise every step's intermediates would stay until the end).
 */
public final class DjlTrainer implements Trainer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    /** Steps whose losses {@link Result} keeps at either end. */
    static final int LOSS_WINDOW = 20;

    /** The trainer the CLI loads (a public no-argument factory keeps the reflection trivial). */
    public static Trainer create() {
        return new DjlTrainer();
    }

    @Override
    public Result train(Path model, ApproxMap map, MultiplierRegistry registry, List<LabeledImage> images,
                        Schedule schedule, Path exported, FlowListener listener) {
        if (images.isEmpty()) {
            throw MaxdnnException.badInput("no training images");
        }
        Network net = Network.load(model);
        map.validate(net, "the map").checkTables(registry, "the map");
        Engine engine = engine();
        try (NDManager root = engine.newBaseManager()) {
            QatNetwork qat = new QatNetwork(net, map, registry, root);
            List<NDArray> params = qat.parameters();
            List<NDArray> moments = new ArrayList<>();
            float[] scales = new float[params.size()];
            for (int i = 0; i < params.size(); i++) {
                NDArray p = params.get(i);
                moments.add(root.zeros(p.getShape()));
                moments.add(root.zeros(p.getShape()));
                try (NDManager pool = root.newSubManager()) {
                    p.tempAttach(pool);
                    scales[i] = Math.max(p.abs().max().getFloat(), 1e-12f);
                }
            }
            Batches batches = new Batches(qat, net.inputShape());
            int batch = Math.min(schedule.batch(), images.size());
            int perEpoch = images.size() / batch;
            long total = (long) perEpoch * schedule.epochs();
            if (schedule.maxSteps() > 0) {
                total = Math.min(total, schedule.maxSteps());
            }
            Random random = new Random(schedule.seed());
            int[] order = new int[images.size()];
            List<Epoch> epochs = new ArrayList<>();
            List<Double> losses = new ArrayList<>();
            long step = 0;
            for (int e = 1; e <= schedule.epochs() && step < total; e++) {
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                shuffle(order, random);
                long start = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                int steps = 0;
                for (int b = 0; b < perEpoch && step < total; b++, step++, steps++) {
                    double lr = schedule.learningRate() * 0.5 * (1 + Math.cos(Math.PI * step / total));
                    float[] x = batches.inputs(images, order, b * batch, batch, random);
                    int[] labels = Batches.labels(images, order, b * batch, batch);
                    try (NDManager pool = root.newSubManager()) {
                        params.forEach(p -> p.tempAttach(pool));
                        moments.forEach(v -> v.tempAttach(pool));
                        NDArray input = pool.create(x, new Shape(Arrays.stream(batches.shape(batch))
                                .mapToLong(v -> v).toArray()));
                        NDArray logits;
                        NDArray loss;
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            logits = qat.logits(input);
                            NDArray target = pool.create(labels).oneHot((int) logits.getShape().get(1));
                            loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
                            gc.backward(loss);
                        }
                        double l = loss.getFloat();
                        if (!Double.isFinite(l)) {
                            throw new MaxdnnException(MaxdnnException.USAGE, "the training loss diverged at step "
                                    + step + " (learning rate " + lr + "): try a smaller --lr");
                        }
                        lossSum += l;
                        losses.add(l);
                        long[] predicted = logits.argMax(1).toLongArray();
                        for (int i = 0; i < batch; i++) {
                            correct += predicted[i] == labels[i] ? 1 : 0;
                        }
                        update(params, moments, scales, lr, schedule.weightDecay(), step + 1);
                    }
                    listener.progress("epoch " + e + "/" + schedule.epochs(), steps + 1, perEpoch);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Epoch ep = new Epoch(e, steps, lossSum / steps, (double) correct / ((long) steps * batch), seconds);
                epochs.add(ep);
                listener.note(String.format("epoch %d: %d steps, loss %.4f, training top-1 %.2f%%, %.1f s", e, steps,
                        ep.meanLoss(), 100 * ep.trainAccuracy(), seconds));
            }
            AtomicFiles.writeBytes(exported, export(model, qat, root));
            double[] all = losses.stream().mapToDouble(Double::doubleValue).toArray();
            int w = Math.min(LOSS_WINDOW, all.length);
            return new Result(exported, "the int8 weights dequantised", epochs, Arrays.copyOfRange(all, 0, w),
                    Arrays.copyOfRange(all, all.length - w, all.length));
        }
    }

    /**
     * The PyTorch engine. DJL finds engines as services of the context class loader: this module's own
     * loader when the CLI loaded it apart (its DJL is not on the CLI's classpath).
     */
    static Engine engine() {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(DjlTrainer.class.getClassLoader());
        try {
            return Engine.getEngine("PyTorch");
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /**
     * Adam (bias-corrected moments, step {@code t} from 1) with decoupled weight decay on the weights
     * (even indices), not the biases, each tensor's step scaled by its own magnitude when training
     * began ({@code scales}): the folded layers' weights differ by orders of magnitude (the first layer
     * sees raw pixels), so one absolute rate would wipe out the small ones or never move the large.
     * Gradients are zeroed for the next step.
     */
    private static void update(List<NDArray> params, List<NDArray> moments, float[] scales, double lr,
                               double weightDecay, long t) {
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = p.getGradient();
            NDArray m = moments.get(2 * i);
            NDArray v = moments.get(2 * i + 1);
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.square().mul(1 - BETA2));
            if (weightDecay > 0 && i % 2 == 0) {
                p.subi(p.mul(lr * weightDecay));
            }
            p.subi(m.div(c1).div(v.div(c2).sqrt().add(EPSILON)).mul(lr * scales[i]));
            g.subi(g);
        }
    }

    private static byte[] export(Path model, QatNetwork qat, NDManager root) {
        Int8Export out = new Int8Export(model);
        try (NDManager pool = root.newSubManager()) {
            for (WeightedLayer l : qat.weighted()) {
                l.weight.tempAttach(pool);
                l.bias.tempAttach(pool);
                WeightedLayer.Quantised q = l.quantise();
                out.layer(l, q.weights().toFloatArray(), q.scales().toFloatArray(), q.bias().toFloatArray());
            }
        }
        return out.bytes();
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
