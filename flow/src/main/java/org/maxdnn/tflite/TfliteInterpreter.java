package org.maxdnn.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.TensorFlowLite;

/**
 * The TensorFlow Lite x86 interpreter (2.6.2), the yardstick of the golden model's
 * {@code runtime} rounding and of its speed (SPEC §12). It runs through the
 * {@code org.tensorflow.lite.Interpreter} API of {@code ai.djl.tflite:tflite-engine}; the native
 * library comes from the {@code ai.djl.tflite:tflite-native-cpu:linux-x86_64} jar on the class
 * path, copied to a temporary file and loaded from there (nothing is downloaded). Options: the given
 * number of threads, nothing else — no XNNPACK delegate is requested (TFLite 2.6's XNNPACK takes no
 * int8 operator: asked for, it is created and the outputs and speed stay the same), no NNAPI. With
 * one thread the interpreter is deterministic. One instance is not thread-safe; open one per thread.
 */
public final class TfliteInterpreter implements AutoCloseable {
    private static final String LIBRARY = "native/lib/libtensorflowlite_jni.so";
    private static boolean loaded;

    private final Interpreter interpreter;
    private final ByteBuffer model;
    private final ByteBuffer[] inputs;
    private final ByteBuffer[] outputs;
    private final Map<Integer, Object> outputMap = new HashMap<>();

    private TfliteInterpreter(byte[] modelBytes, int threads) {
        load();
        // the interpreter reads the model in place for its whole life: keep the buffer referenced
        model = ByteBuffer.allocateDirect(modelBytes.length).order(ByteOrder.nativeOrder());
        model.put(modelBytes).rewind();
        Interpreter.Options options = new Interpreter.Options();
        options.setNumThreads(threads);
        try {
            interpreter = new Interpreter(model, options);
        } catch (IllegalArgumentException e) {
            throw MaxdnnException.badInput("the TFLite interpreter refuses the model: " + e.getMessage(), e);
        }
        inputs = new ByteBuffer[interpreter.getInputTensorCount()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = ByteBuffer.allocateDirect(interpreter.getInputTensor(i).numBytes()).order(ByteOrder.nativeOrder());
        }
        outputs = new ByteBuffer[interpreter.getOutputTensorCount()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = ByteBuffer.allocateDirect(interpreter.getOutputTensor(i).numBytes()).order(ByteOrder.nativeOrder());
            outputMap.put(i, outputs[i]);
        }
    }

    /** An interpreter of a .tflite model (its bytes) on {@code threads} threads. */
    public static TfliteInterpreter open(byte[] model, int threads) {
        return new TfliteInterpreter(model, threads);
    }

    public static TfliteInterpreter open(Path model, int threads) {
        try {
            return open(Files.readAllBytes(model), threads);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read model " + model + " (" + e.getMessage() + ")", e);
        }
    }

    /** The interpreter's version, e.g. 2.6.2. */
    public static String version() {
        load();
        return TensorFlowLite.runtimeVersion();
    }

    /**
     * Runs one inference on an int8 input given in the golden model's unsigned form (code + 128, as
     * {@code InferencePlan.run} takes it); the outputs are then read with {@link #output}.
     */
    public void run(byte[] pixels) {
        byte[] codes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            codes[i] = (byte) (pixels[i] ^ 0x80);
        }
        runRaw(codes);
    }

    /** Runs one inference on every input given as its tensor's little-endian bytes (any type). */
    public void runRaw(byte[]... raw) {
        if (raw.length != inputs.length) {
            throw new IllegalArgumentException(raw.length + " inputs given, the model takes " + inputs.length);
        }
        for (int k = 0; k < raw.length; k++) {
            if (raw[k].length != inputs[k].capacity()) {
                throw new IllegalArgumentException("input " + k + " has " + raw[k].length + " bytes, the model takes "
                        + inputs[k].capacity());
            }
            inputs[k].clear();
            inputs[k].put(raw[k]);
            inputs[k].rewind();
        }
        for (ByteBuffer o : outputs) {
            o.clear();
        }
        interpreter.runForMultipleInputsOutputs(inputs, outputMap);
    }

    /** The raw bytes of output {@code k} of the last run (little-endian values of its type). */
    public byte[] output(int k) {
        ByteBuffer o = outputs[k];
        byte[] b = new byte[o.capacity()];
        o.rewind();
        o.get(b);
        return b;
    }

    @Override
    public void close() {
        interpreter.close();
    }

    private static synchronized void load() {
        if (loaded) {
            return;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "the TFLite interpreter the toolkit bundles "
                    + "(ai.djl.tflite:tflite-native-cpu:linux-x86_64) runs on linux-x86_64 only, not " + os + "/" + arch);
        }
        try (InputStream in = TfliteInterpreter.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new MaxdnnException(MaxdnnException.MISSING_TOOL, LIBRARY + " is not on the class path: the "
                        + "Maven artifact ai.djl.tflite:tflite-native-cpu:2.6.2:linux-x86_64 is missing");
            }
            Path file = Files.createTempFile("maxdnn-tensorflowlite_jni-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toString());
            loaded = true;
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "cannot unpack the TFLite native library ("
                    + e.getMessage() + ")", e);
        }
    }
}
