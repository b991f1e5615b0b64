package org.maxdnn.accel;

import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmView;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;

/**
 * The one description of an accelerator (SPEC §13): the array it wraps and the depth of each memory
 * around it, checked here; the generator elaborates it, the manifest is rendered from it and the host
 * driver lays its tensors, weights and parameters out by it. Every memory is one write and one read
 * port, read data one cycle after the address (what an SRAM macro gives).
 *
 * @param array            the systolic array inside (plain or energy-proportional, fixed or configurable)
 * @param activationBytes  bytes of one activation bank (a power of two); two banks, so a layer reads
 *                         one while its output goes to the other
 * @param weightWords      words of one weight bank; a word is a row of the array (cols weights and
 *                         their configuration codes), one fold takes {@code rows} words; two banks,
 *                         so the host writes the next layer's weights while a layer runs
 * @param accumulatorWords int32 words of the accumulator memory (a layer's output pixels × cols)
 * @param parameterEntries per-channel entries (bias, multiplier, shift) of one parameter bank; two banks
 * @param descriptors      layer descriptors the descriptor memory holds
 * @param memories         what the memories are in the emitted Verilog
 * @param requantiserCycles cycles the foot's requantiser takes per output (1, 2, 4 or 8): 1 is one 32×32
 *                         multiplier, R &gt; 1 multiplies 32 × 32/R bits a cycle over R cycles (a smaller
 *                         design), so a last reduction fold streams a vector each
 *                         {@link #lastFoldVectorPeriod()} cycles
 * @param counterBits      width of the host-readable counters (cycles, memory reads and writes; 1..32,
 *                         {@link #COUNTER_BITS} by default); they wrap at 2^counterBits, so narrower
 *                         ones (a smaller design for a layout) count only runs that short
 */
public record AcceleratorConfig(ArrayConfig array, int activationBytes, int weightWords, int accumulatorWords,
                                int parameterEntries, int descriptors, MemoryStyle memories, int requantiserCycles,
                                int counterBits) {
    /** The counters' default width: the host interface's 32-bit words. */
    public static final int COUNTER_BITS = 32;

    /** Version of the host interface and descriptor format described in the manifest. */
    public static final int HOST_INTERFACE_VERSION = 1;

    /** How the generated Verilog holds a memory. */
    public enum MemoryStyle {
        /** Chisel memories: behavioural Verilog that Yosys maps to flip-flops, for small configurations. */
        FLOPS,
        /** Instances of the black box {@code maxdnn_sram_1r1w} (port list in docs/design/accelerator.md) with a behavioural model beside. */
        MACROS
    }

    public AcceleratorConfig {
        check("activation bank", activationBytes, 1 << 24);
        if (Integer.bitCount(activationBytes) != 1) {
            throw MaxdnnException.badInput("activation bank of " + activationBytes + " bytes must be a power of two");
        }
        check("weight bank", weightWords, 1 << 24);
        check("accumulator memory", accumulatorWords, 1 << 24);
        check("parameter bank", parameterEntries, 1 << 16);
        check("descriptor memory", descriptors, 1 << 12);
        if (requantiserCycles != 1 && requantiserCycles != 2 && requantiserCycles != 4 && requantiserCycles != 8) {
            throw MaxdnnException.badInput("requantiser of " + requantiserCycles + " cycles: takes 1, 2, 4 or 8");
        }
        if (counterBits < 1 || counterBits > COUNTER_BITS) {
            throw MaxdnnException.badInput("counters of " + counterBits + " bits: takes 1.." + COUNTER_BITS);
        }
        if (weightWords < array.rows()) {
            throw MaxdnnException.badInput("a weight bank of " + weightWords + " words holds no fold of " + array.rows() + " rows");
        }
    }

    /** The one-cycle requantiser. */
    public AcceleratorConfig(ArrayConfig array, int activationBytes, int weightWords, int accumulatorWords,
                             int parameterEntries, int descriptors, MemoryStyle memories) {
        this(array, activationBytes, weightWords, accumulatorWords, parameterEntries, descriptors, memories, 1);
    }

    /** 32-bit counters. */
    public AcceleratorConfig(ArrayConfig array, int activationBytes, int weightWords, int accumulatorWords,
                             int parameterEntries, int descriptors, MemoryStyle memories, int requantiserCycles) {
        this(array, activationBytes, weightWords, accumulatorWords, parameterEntries, descriptors, memories,
                requantiserCycles, COUNTER_BITS);
    }

    private static void check(String what, int value, int max) {
        if (value < 1 || value > max) {
            throw MaxdnnException.badInput(what + " size " + value + " is out of range 1.." + max);
        }
    }

    /** {@link #small}'s sizes, as {@code --memory-sizes} writes them. */
    public static final String SMALL_SIZES = "64,16,32,8,2";

    /**
     * Small flip-flop memories, for a layout: two 64-byte activation banks, 16 weight words per bank,
     * 32 accumulator words, 8 parameter entries per bank, 2 descriptors (an 8x8 single-channel layer).
     */
    public static AcceleratorConfig small(ArrayConfig array) {
        return new AcceleratorConfig(array, 64, Math.max(16, array.rows()), 32, 8, 2, MemoryStyle.FLOPS);
    }

    /**
     * The Verilog module name of the accelerator around {@code array} (and its requantiser's cycles, when
     * more than one, and its counters' width, when narrower than 32 bits).
     */
    public String moduleName() {
        return "Accelerator_" + array.moduleName().substring("SystolicArray_".length())
                + (requantiserCycles > 1 ? "_requant" + requantiserCycles : "")
                + (counterBits < COUNTER_BITS ? "_counters" + counterBits : "");
    }

    public AcceleratorConfig withMemories(MemoryStyle style) {
        return new AcceleratorConfig(array, activationBytes, weightWords, accumulatorWords, parameterEntries,
                descriptors, style, requantiserCycles, counterBits);
    }

    public AcceleratorConfig withRequantiserCycles(int cycles) {
        return new AcceleratorConfig(array, activationBytes, weightWords, accumulatorWords, parameterEntries,
                descriptors, memories, cycles, counterBits);
    }

    public AcceleratorConfig withCounterBits(int bits) {
        return new AcceleratorConfig(array, activationBytes, weightWords, accumulatorWords, parameterEntries,
                descriptors, memories, requantiserCycles, bits);
    }

    /** Bits of a weight-memory entry: the weight and the configuration code of one PE. */
    public int weightEntryBits() {
        return ArrayConfig.OPERAND_BITS + array.codeBits();
    }

    /** Cycles between two vectors streamed into the array: gather a row per cycle, and let the foot drain a column per cycle. */
    public int vectorPeriod() {
        return Math.max(array.rows() + 2, array.cols());
    }

    /**
     * Cycles between two vectors in a layer's last reduction fold, where the foot requantises: a
     * column each {@link #requantiserCycles()} cycles ({@link #vectorPeriod()} for the one-cycle requantiser).
     */
    public int lastFoldVectorPeriod() {
        return Math.max(vectorPeriod(), array.cols() * requantiserCycles);
    }

    /**
     * The smallest memories (activation banks rounded up to a power of two) that hold every layer the
     * array runs of {@code networks}: its input and output tensors, its folds' weights, its
     * accumulators and its channels' parameters.
     */
    public static AcceleratorConfig holding(ArrayConfig array, List<Network> networks, MemoryStyle style) {
        int act = 1;
        int weights = array.rows();
        int acc = 1;
        int params = 1;
        for (Network net : networks) {
            for (ConvLayer l : net.weightedLayers()) {
                GemmView view = GemmViews.of(l);
                Tiling t = Tiling.of(view, array);
                act = Math.max(act, Math.max(l.inH() * l.inW() * l.inC(), view.m() * l.outC()));
                weights = Math.max(weights, t.folds().size() * array.rows());
                acc = Math.max(acc, view.m() * array.cols());
                params = Math.max(params, l.outC());
            }
        }
        return new AcceleratorConfig(array, act <= 1 ? 1 : Integer.highestOneBit(act - 1) << 1, weights, acc, params, 64, style);
    }

    /** Why {@code layer} does not fit, or null when it does. */
    public String misfit(ConvLayer layer) {
        GemmView view = GemmViews.of(layer);
        Tiling t = Tiling.of(view, array);
        if (layer.inH() * layer.inW() * layer.inC() > activationBytes || view.m() * layer.outC() > activationBytes) {
            return "its input or output tensor exceeds an activation bank of " + activationBytes + " bytes";
        }
        if (t.folds().size() * array.rows() > weightWords) {
            return "its " + t.folds().size() + " folds need " + t.folds().size() * array.rows()
                    + " weight words, a bank holds " + weightWords;
        }
        if (view.m() * array.cols() > accumulatorWords) {
            return "its " + view.m() + " output pixels need " + view.m() * array.cols() + " accumulator words, the memory holds "
                    + accumulatorWords;
        }
        if (layer.outC() > parameterEntries) {
            return "its " + layer.outC() + " channels exceed a parameter bank of " + parameterEntries;
        }
        return null;
    }
}
