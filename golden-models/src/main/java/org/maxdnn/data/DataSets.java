package org.maxdnn.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Task;

/**
 * Reads a sample folder (files listed in {@code y_labels.csv}) for a model, in the format its
 * input tensor and the files call for ({@link InputFormat}): a labels file with window and step
 * columns means float windows; otherwise every file must hold exactly one input, as unsigned
 * image bytes when the input's zero point is −128 (pixel 0 is the lowest code) and as int8 codes
 * otherwise. A folder that fits no format, or a file of another size than the first, is an
 * error naming the file.
 */
public final class DataSets {
    private DataSets() {
    }

    /** At most {@code limit} samples (files; limit ≤ 0: all). */
    public static DataSet read(Path dir, Network net, int limit) {
        LabelsFile labels = LabelsFile.read(dir);
        List<LabelsFile.Row> rows = labels.first(limit);
        TensorInfo input = net.model().tensor(net.inputTensor());
        int n = net.inputElements();
        LabelsFile.Row first = rows.get(0);
        if (first.extra().length >= 2) {
            return windows(labels, rows, net);
        }
        long size = labels.bytes(first).length;
        if (size != n) {
            throw MaxdnnException.badInput("sample folder " + dir + " fits no format for input " + input.shapeText()
                    + ": expected files of " + n + " bytes (" + InputFormat.UINT8_IMAGE.description() + ", or "
                    + InputFormat.INT8_TENSOR.description() + ") or float32 spectrograms with window,step columns"
                    + " (bytes) in " + LabelsFile.NAME + ", but " + first.path() + " has " + size + " bytes");
        }
        boolean image = input.shape().length == 4 && input.quant().zeroPoint() == -128;
        InputFormat format = image ? InputFormat.UINT8_IMAGE : InputFormat.INT8_TENSOR;
        List<LabeledImage> inputs = new ArrayList<>(rows.size());
        for (LabelsFile.Row row : rows) {
            if (row.classes() != net.classes()) {
                throw MaxdnnException.badInput(row.where(labels.file()) + row.classes() + " classes, but the model "
                        + "has " + net.classes() + " outputs");
            }
            byte[] b = sized(labels, row, n, first);
            if (!image) {
                for (int i = 0; i < b.length; i++) {
                    b[i] ^= (byte) 0x80; // int8 code → unsigned form
                }
            }
            inputs.add(new LabeledImage(row.name(), row.label(), b));
        }
        return new DataSet(dir, format, rows.size(), inputs, Classification.of(inputs));
    }

    /** The anomaly set: each float32 file cut into windows of the input's size, each quantised. */
    private static DataSet windows(LabelsFile labels, List<LabelsFile.Row> rows, Network net) {
        int n = net.inputElements();
        LabelsFile.Row first = rows.get(0);
        int windowBytes = first.extra()[0];
        int stepBytes = first.extra()[1];
        if (windowBytes != 4 * n || stepBytes <= 0 || stepBytes % 4 != 0) {
            throw MaxdnnException.badInput(first.where(labels.file()) + "window " + windowBytes + " and step "
                    + stepBytes + " bytes do not fit float32 windows of the model input's " + n + " values");
        }
        Quantization q = net.model().tensor(net.inputTensor()).quant();
        Quantization qo = net.model().tensor(net.logitsTensor()).quant();
        if (net.tensorElements(net.logitsTensor()) != n) {
            throw MaxdnnException.badInput("model " + net.model().file() + ": its output has "
                    + net.tensorElements(net.logitsTensor()) + " values, so it does not reconstruct windows of " + n);
        }
        long size = labels.bytes(first).length;
        if (size < windowBytes || size % 4 != 0) {
            throw MaxdnnException.badInput(first.path() + " has " + size + " bytes: not float32 values holding a "
                    + "window of " + windowBytes + " bytes");
        }
        int windows = (int) ((size - windowBytes) / stepBytes + 1);
        int step = stepBytes / 4;
        List<LabeledImage> inputs = new ArrayList<>(rows.size() * windows);
        List<AnomalyDetection.File> files = new ArrayList<>(rows.size());
        for (LabelsFile.Row row : rows) {
            if (row.extra().length < 2 || row.extra()[0] != windowBytes || row.extra()[1] != stepBytes) {
                throw MaxdnnException.badInput(row.where(labels.file()) + "window and step differ from line "
                        + first.line() + " (" + windowBytes + "," + stepBytes + ")");
            }
            byte[] b = sized(labels, row, size, first);
            float[] values = new float[b.length / 4];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            requireFinite(values, row.path());
            byte[] codes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                codes[i] = (byte) (quantize(values[i], q.scale(), q.zeroPoint()) ^ 0x80);
            }
            files.add(new AnomalyDetection.File(row.name(), row.label(), inputs.size(), windows, values));
            for (int w = 0; w < windows; w++) {
                inputs.add(new LabeledImage(row.name() + "#" + w, row.label(),
                        Arrays.copyOfRange(codes, w * step, w * step + n)));
            }
        }
        Task task = new AnomalyDetection(files, n, step, qo.scale(), qo.zeroPoint());
        return new DataSet(labels.file().getParent(), InputFormat.FLOAT32_WINDOWS, rows.size(), inputs, task);
    }

    /**
     * A spectrogram value that is NaN or infinite has no quantised code and no reconstruction error
     * (it would make the file's score NaN, which no ranking can order): an error naming the file and
     * the value's byte offset.
     */
    private static void requireFinite(float[] values, Path file) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw MaxdnnException.badInput(file + " byte " + 4L * i + ": the float32 value is " + values[i]
                        + "; a spectrogram holds finite numbers only");
            }
        }
    }

    /**
     * TFLite's QUANTIZE (float → int8): x / scale in float, rounded half away from zero, plus the
     * zero point, clamped to int8.
     */
    public static int quantize(float x, float scale, int zeroPoint) {
        float v = x / scale;
        double rounded = Math.copySign(Math.floor(Math.abs((double) v) + 0.5), v);
        return (int) Math.max(-128, Math.min(127, rounded + zeroPoint));
    }

    /** The row's bytes, which must be {@code size} long like the first file's. */
    private static byte[] sized(LabelsFile labels, LabelsFile.Row row, long size, LabelsFile.Row first) {
        byte[] b = labels.bytes(row);
        if (b.length != size) {
            throw MaxdnnException.badInput(row.path() + " has " + b.length + " bytes, expected " + size + " like "
                    + first.name() + (b.length < size ? " (truncated?)" : ""));
        }
        return b;
    }
}
