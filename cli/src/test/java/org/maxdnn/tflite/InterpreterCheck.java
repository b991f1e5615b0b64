package org.maxdnn.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.model.TfliteModel;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The golden model against the TFLite interpreter on a small model a test builds: deterministic
 * inputs over each input tensor's whole range (its first elements at the type's two ends), every
 * output tensor compared byte for byte.
 */
final class InterpreterCheck {
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    private InterpreterCheck() {
    }

    /** Asserts that {@code rounding} reproduces the interpreter on {@code samples} inputs. */
    static void assertExact(String name, byte[] model, Rounding rounding, int samples) {
        String first = firstMismatch(name, model, rounding, samples);
        assertEquals(null, first, name + " (" + rounding.label() + ")");
    }

    /** Asserts both rounding variants reproduce the interpreter. */
    static void assertExact(String name, byte[] model, int samples) {
        assertExact(name, model, Rounding.RUNTIME, samples);
        assertExact(name, model, Rounding.REFERENCE, samples);
    }

    /** The first output element where the golden model and the interpreter differ, or null. */
    static String firstMismatch(String name, byte[] model, Rounding rounding, int samples) {
        Network net = Network.of(TfliteModel.parse(Path.of(name + ".tflite"), model), rounding);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), REGISTRY);
        Workspace ws = plan.newWorkspace();
        Random rnd = new Random(name.hashCode());
        try (TfliteInterpreter tflite = TfliteInterpreter.open(model, 1)) {
            for (int s = 0; s < samples; s++) {
                int[] ins = net.inputTensors();
                byte[][] raw = new byte[ins.length][];
                for (int k = 0; k < ins.length; k++) {
                    raw[k] = input(net.model().tensor(ins[k]), rnd);
                    ws.write(ins[k], raw[k]);
                }
                tflite.runRaw(raw);
                plan.runFrom(0, ws, null);
                int[] outs = net.outputTensors();
                for (int j = 0; j < outs.length; j++) {
                    byte[] expected = tflite.output(j);
                    byte[] actual = ws.read(outs[j]);
                    if (expected.length != actual.length) {
                        return "output " + j + ": " + expected.length + " bytes from the interpreter, " + actual.length;
                    }
                    int width = expected.length / net.model().tensor(outs[j]).elements();
                    for (int i = 0; i < expected.length; i++) {
                        if (expected[i] != actual[i]) {
                            int e = i / width;
                            return "sample " + s + " output " + j + " element " + e + ": interpreter "
                                    + value(expected, e, width, net.model().tensor(outs[j])) + ", golden "
                                    + value(actual, e, width, net.model().tensor(outs[j]));
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String value(byte[] raw, int e, int width, TensorInfo t) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return switch (t.type()) {
            case INT8 -> String.valueOf(raw[e]);
            case UINT8 -> String.valueOf(raw[e] & 0xFF);
            case INT16 -> String.valueOf(b.getShort(e * width));
            case INT32 -> String.valueOf(b.getInt(e * width));
            case FLOAT32 -> String.valueOf(b.getFloat(e * width));
            default -> "?";
        };
    }

    /** Deterministic values over the type's range, its two ends first; floats within ±8. */
    static byte[] input(TensorInfo t, Random rnd) {
        int n = t.elements();
        ByteBuffer b;
        switch (t.type()) {
            case INT8, UINT8 -> {
                byte[] v = new byte[n];
                rnd.nextBytes(v);
                if (n >= 2) {
                    v[0] = (byte) (t.type() == org.maxdnn.model.ElementType.INT8 ? -128 : 0);
                    v[1] = (byte) (t.type() == org.maxdnn.model.ElementType.INT8 ? 127 : 255);
                }
                return v;
            }
            case INT16 -> {
                b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    b.putShort((short) (i == 0 ? -32768 : i == 1 ? 32767 : rnd.nextInt(65536) - 32768));
                }
            }
            case INT32 -> {
                b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    b.putInt(rnd.nextInt(2001) - 1000);
                }
            }
            case FLOAT32 -> {
                b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    // some values exactly on half steps of common scales, the rest anywhere
                    b.putFloat(i % 7 == 0 ? (rnd.nextInt(64) - 32) / 8f : (rnd.nextFloat() - 0.5f) * 16);
                }
            }
            default -> throw new IllegalArgumentException("no inputs of type " + t.type());
        }
        return b.array();
    }
}
