package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.data.UnlabelledSets;
import org.maxdnn.infer.Network;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;
import org.maxdnn.task.Task;

/**
 * Label-preserving variants of a classifier's search samples (SPEC §9.1, more evidence per sample):
 * an evaluation pool of the samples followed by their variants, each variant keeping its source's
 * label. Where the reference is the exact network itself (top-1 agreement, fidelity), a variant's
 * reference is the exact network's output on that variant, not on its source. HWC images (CIFAR-10, VWW): the horizontal flip, then shifts by 2 pixels right, left, down
 * and up; int8 tensors of several rows (KWS's MFCC frames, time along the rows): shifts by 1 and 2
 * frames later and earlier. A shift repeats the edge row or column into the place it leaves. The
 * first {@code count} of a format's list are used. Variants of one sample are not independent:
 * {@link Pool#source} names each input's sample, so figures can be taken per source
 * ({@link Pool#perSource}).
 */
public final class Variants {
    /** What each transform is called, in the order used, per input format. */
    public static final List<String> IMAGE = List.of("flip", "x+2", "x-2", "y+2", "y-2");
    public static final List<String> FRAMES = List.of("t+1", "t-1", "t+2", "t-2");

    /**
     * The pool: {@code data}'s inputs, then every variant (all samples' first variant, then the
     * second, …); {@code source[i]} is the index of input i's sample.
     */
    public record Pool(DataSet data, int[] source) {
        /** The mean of each source's values ({@code values} indexed by pool input). */
        public double[] perSource(double[] values) {
            int sources = 0;
            for (int s : source) {
                sources = Math.max(sources, s + 1);
            }
            double[] sum = new double[sources];
            int[] n = new int[sources];
            for (int i = 0; i < values.length; i++) {
                sum[source[i]] += values[i];
                n[source[i]]++;
            }
            for (int s = 0; s < sources; s++) {
                sum[s] /= n[s];
            }
            return sum;
        }
    }

    private Variants() {
    }

    /**
     * The transforms a format has (none for anomaly windows, whose variants are their other windows,
     * nor for random or .npy inputs).
     */
    public static List<String> of(InputFormat format, int[] inputShape) {
        return switch (format) {
            case UINT8_IMAGE -> IMAGE;
            case INT8_TENSOR -> inputShape.length == 4 && inputShape[1] > 2 ? FRAMES : List.of();
            case FLOAT32_WINDOWS -> List.of();
            // random inputs gain nothing from a transform (more of them are the cheaper evidence), and a
            // .npy tensor's layout is not known to be an image's or frames'
            case RANDOM, NPY -> List.of();
        };
    }

    /**
     * The pool of {@code data} (a classifier's one input per sample, or fidelity to the exact network)
     * with the first {@code count} variants of its format for {@code net}. A variant keeps its
     * source's label; under top-1 agreement its label is the exact network's class on the variant, and
     * under fidelity its reference output is the exact network's on the variant (the exact network runs
     * on the variants then, on {@code threads} threads).
     */
    public static Pool pool(DataSet data, Network net, int count, int threads) {
        int[] inputShape = net.inputShape();
        List<String> kinds = of(data.format(), inputShape);
        if (!(data.task() instanceof Classification || data.task() instanceof Fidelity) || count < 0
                || count > kinds.size()) {
            throw new IllegalArgumentException("at most " + kinds.size() + " variants of " + data.format() + " inputs: " + count);
        }
        int n = data.inputs().size();
        List<LabeledImage> variants = new ArrayList<>(n * count);
        int[] source = new int[n * (count + 1)];
        for (int i = 0; i < n; i++) {
            source[i] = i;
        }
        int h = inputShape[1];
        int w = inputShape[2];
        int c = inputShape[3];
        for (int v = 0; v < count; v++) {
            String kind = kinds.get(v);
            for (int i = 0; i < n; i++) {
                LabeledImage in = data.inputs().get(i);
                variants.add(new LabeledImage(in.name() + "~" + kind, in.label(), transform(kind, in.pixels(), h, w, c)));
                source[n * (v + 1) + i] = i;
            }
        }
        return new Pool(withVariants(data, variants, net, threads), source);
    }

    /** {@code data} followed by {@code variants}, each scored against its own reference. */
    private static DataSet withVariants(DataSet data, List<LabeledImage> variants, Network net, int threads) {
        List<LabeledImage> inputs = new ArrayList<>(data.inputs());
        Task task;
        if (data.task() instanceof Classification c && !c.agreement()) {
            inputs.addAll(variants);
            task = Classification.of(inputs);
        } else if (variants.isEmpty()) {
            return data;
        } else {
            boolean agreement = data.task() instanceof Classification;
            DataSet own = UnlabelledSets.of(data.source(), data.format(), variants, net, threads, agreement);
            inputs.addAll(own.inputs());
            if (agreement) {
                task = Classification.of(inputs).withAgreement();
            } else {
                Fidelity f = (Fidelity) data.task();
                List<int[]> exact = new ArrayList<>(List.of(f.exact()));
                exact.addAll(List.of(((Fidelity) own.task()).exact()));
                task = new Fidelity(exact.toArray(new int[0][]), f.scale(), f.zeroPoint());
            }
        }
        return new DataSet(data.source(), data.format(), data.samples(), inputs, task);
    }

    /** One transform of an HWC tensor's bytes. */
    static byte[] transform(String kind, byte[] x, int h, int w, int c) {
        return switch (kind) {
            case "flip" -> map(x, h, w, c, (y, col) -> new int[] {y, w - 1 - col});
            case "x+2" -> shift(x, h, w, c, 0, 2);
            case "x-2" -> shift(x, h, w, c, 0, -2);
            case "y+2", "t+2" -> shift(x, h, w, c, 2, 0);
            case "y-2", "t-2" -> shift(x, h, w, c, -2, 0);
            case "t+1" -> shift(x, h, w, c, 1, 0);
            case "t-1" -> shift(x, h, w, c, -1, 0);
            default -> throw new IllegalArgumentException("no variant " + kind);
        };
    }

    /** Content moved {@code dy} rows down and {@code dx} columns right, the edge repeated. */
    private static byte[] shift(byte[] x, int h, int w, int c, int dy, int dx) {
        return map(x, h, w, c, (y, col) -> new int[] {clamp(y - dy, h), clamp(col - dx, w)});
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    private interface Where {
        int[] from(int y, int x);
    }

    private static byte[] map(byte[] x, int h, int w, int c, Where where) {
        byte[] out = new byte[x.length];
        for (int y = 0; y < h; y++) {
            for (int col = 0; col < w; col++) {
                int[] f = where.from(y, col);
                System.arraycopy(x, (f[0] * w + f[1]) * c, out, (y * w + col) * c, c);
            }
        }
        return out;
    }
}
