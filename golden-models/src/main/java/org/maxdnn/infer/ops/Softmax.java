package org.maxdnn.infer.ops;

import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * int8 SOFTMAX over the last axis (each row on its own) as the TFLite x86 interpreter computes it (optimized_ops::Softmax with the float
 * table of PopulateSoftmaxLookupTable): e^(β·s_in·(x − max)) from a 256-entry float table, summed in
 * float in input order, scaled by 1 / (sum · s_out), rounded half away from zero and offset by the
 * output zero point. TFLite's reference (and Micro) kernel uses gemmlowp fixed point instead; no
 * engine here can check that one, so both rounding variants use this form, and predictions and
 * metrics are read from the tensor that feeds SOFTMAX ({@code Network.logitsTensor()}), which
 * softmax does not reorder.
 */
public record Softmax(String name, int input, int output, int depth, float[] table,
                      float outScale, int outZeroPoint) implements UnaryLayer {

    /** SoftmaxOptions: beta. */
    public record Options(float beta) {
        public static Options parse(OperatorContext c) {
            return new Options(c.op().options().float32At(0, 1f));
        }
    }

    public static Softmax prepare(OperatorContext c) {
        float beta = Options.parse(c).beta();
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = c.int8(in, "input");
        Quantization qo = c.int8(out, "output");
        if (in.elements() != out.elements()) {
            throw c.error(in.shapeText() + " and " + out.shapeText() + " differ");
        }
        int[] shape = in.shape();
        int depth = shape.length == 0 ? 1 : shape[shape.length - 1];
        return new Softmax(c.name(), in.index(), out.index(), depth, table(qi.scale(), beta), qo.scale(),
                qo.zeroPoint());
    }

    /** The table for input scale {@code inScale} and {@code beta}: table[255 − v] = e^(−s_in·β·v), in float. */
    public static float[] table(float inScale, float beta) {
        float scale = -inScale * beta;
        float[] t = new float[256];
        for (int v = 0; v <= 255; v++) {
            t[255 - v] = (float) Math.exp(scale * v);
        }
        return t;
    }

    @Override
    public OpType op() {
        return OpType.SOFTMAX;
    }

    @Override
    public void run(Workspace ws) {
        byte[] in = ws.tensor(input);
        byte[] out = ws.tensor(output);
        for (int row = 0; row < in.length; row += depth) {
            run(in, out, row);
        }
    }

    /** One row of {@code depth} values along the last axis, from {@code start}. */
    private void run(byte[] in, byte[] out, int start) {
        int end = start + depth;
        int max = Byte.MIN_VALUE;
        for (int i = start; i < end; i++) {
            max = Math.max(max, in[i]);
        }
        int offset = 255 - max; // table[offset + x] = e^(s_in·β·(x − max))
        float sum = 0f;
        for (int i = start; i < end; i++) {
            sum += table[offset + in[i]];
        }
        float inverse = 1.0f / (sum * outScale);
        for (int i = start; i < end; i++) {
            float p = table[offset + in[i]] * inverse; // ≥ 0: std::round is floor(p + 0.5), exact in double
            long q = (long) Math.floor(p + 0.5) + outZeroPoint;
            out[i] = (byte) Math.max(-128, Math.min(127, q));
        }
    }
}
