package org.maxdnn.cosim;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Faults injected into generated Verilog, to prove that cosimulation catches a broken design: in
 * the configurable PE, in the array around the PEs, in the PEs of fixed arrays (a ROUP
 * multiplier's reduction tree, an EvoApprox PE's operand wiring), and in what the accelerator adds
 * around the array (address generation, padding, requantisation, fold accumulation). Each mutant is a textual edit of
 * one module as firtool emits it (the first module whose name starts with {@link #module()});
 * applying one to Verilog where its pattern no longer occurs is an error, so a change in the
 * generator cannot silently turn the fault test into a no-op.
 */
public enum FaultInjection {
    /** Booth digit 1's "one" select inverted. */
    BOOTH_SELECT("booth-select", "PE_Configurable", "digit 1's one-select inverted",
            "(\\(weight\\[2\\] \\^ weight\\[1\\]\\))", "~$1", false),
    /** Partial-product row 2 never selected (its three selects tied to 0). */
    DROP_ROW("drop-row", "PE_Configurable", "partial-product row 2 dropped",
            "& \\w*keep_2\\b", "& 1'h0", false),
    /** Bit 8 of the PE accumulator adder stuck at 1. */
    STUCK_ADDER("stuck-adder", "PE_Configurable", "accumulator adder bit 8 stuck at 1",
            "(psumOut_REG <= )([^;]*\\+ psumIn);", "$1($2) | 32'h100;", false),
    /** Digit 0 kept for P = 1 instead of P = 0 (wrong perforation decode). */
    PERFORATION("perforation", "PE_Configurable", "digit 0 perforated for P = 0 and kept for P = 1",
            "(\\w*keep = code\\[4:3\\] == )2'h0;", "$12'h1;", false),
    /** The rounding constant 2^(R-1) decoded for R = 3 as 2 instead of 4. */
    ROUNDING_DECODE("rounding-decode", "PE_Configurable", "rounding decode gives 2^(R-1) = 2 for R = 3",
            "(3'b011:\\s*\\w+ = )9'h4;", "$19'h2;", true),
    /** Row 2's input skew one register short: its activations enter a cycle early. */
    SKEW_REGISTER("skew-register", "SystolicArray_", "row 2's skew one register short",
            "(\\.actIn\\s+\\()pes_2_0_actIn_r_1\\)", "$1pes_2_0_actIn_r)", false),
    /** In a fixed ROUP PE, the first full adder's carry loses its propagate term. */
    FIXED_TREE("fixed-tree", "PE_Roup_", "first carry of the fixed multiplier's Dadda tree loses its propagate term",
            "(wire\\s+\\w+ =\\s*\\w+ & \\w+) \\| \\w+ & \\w+;", "$1;", true),
    /** In an EvoApprox PE, the circuit's operands swapped (the table's activation on port A). */
    CIRCUIT_PORTS("circuit-ports", "PE_Alwann_", "EvoApprox circuit's ports A and B swapped",
            "\\.A \\(([^)]*)\\),(\\s*)\\.B \\(([^)]*)\\)", ".A ($3),$2.B ($1)", true),
    /** In the accelerator's im2col address generator, every address one byte too far (the next channel). */
    ADDRESS_OFF_BY_ONE("address-off-by-one", "Im2colAddress", "im2col address one byte off",
            "(\\+ \\{16'h0, walk_j\\});", "$1 + 32'h1;", false),
    /** In the accelerator's gatherer, padded taps fed 0 instead of the input zero point. */
    PADDING_VALUE("padding-value", "Sequencer", "padded taps fed 0, not the input zero point",
            "(gPad \\? )words_5\\[23:16\\]", "$18'h0", false),
    /** In the accelerator's requantiser, the reference rounding's right shift one too many. */
    REQUANT_SHIFT("requant-shift", "Requantiser", "reference requantisation shifts right one bit too far",
            "(singleRounding \\? \\w+ : )\\{1'h0, right\\}\\)\\)", "$1{1'h0, right} + 6'h1))", false),
    /** In the accelerator's foot, the partial sums of earlier reduction folds dropped. */
    DROPPED_FOLD("dropped-fold", "ArrayFoot", "earlier reduction folds' partial sums dropped",
            "\\(firstK \\? 32'h0 : accReadData\\)", "32'h0", false);

    private final String id;
    private final String module;
    private final String description;
    private final Pattern pattern;
    private final String replacement;
    private final boolean firstOnly;

    FaultInjection(String id, String module, String description, String regex, String replacement, boolean firstOnly) {
        this.id = id;
        this.module = module;
        this.description = description;
        this.pattern = Pattern.compile(regex, Pattern.DOTALL);
        this.replacement = replacement;
        this.firstOnly = firstOnly;
    }

    public String id() {
        return id;
    }

    /** The prefix of the name of the module this fault mutates. */
    public String module() {
        return module;
    }

    public String description() {
        return description;
    }

    /** True when the module it mutates is one the accelerator adds around the array. */
    public boolean inAccelerator() {
        return List.of("Im2colAddress", "Sequencer", "Requantiser", "ArrayFoot").contains(module);
    }

    /** True when the module it mutates is part of the configurable array (its PE or the array around the PEs). */
    public boolean inConfigurableArray() {
        return module.equals("PE_Configurable") || module.equals("SystolicArray_");
    }

    /** The Verilog with this fault in the first module whose name starts with {@link #module()}. */
    public String apply(String verilog) {
        Matcher header = Pattern.compile("(?m)^module " + Pattern.quote(module) + "\\w*\\(").matcher(verilog);
        if (!header.find()) {
            throw new IllegalArgumentException("fault " + id + ": the Verilog has no module " + module + "*");
        }
        int start = header.start();
        int end = verilog.indexOf("endmodule", start);
        Matcher m = pattern.matcher(verilog.substring(start, end));
        if (!m.find()) {
            throw new IllegalArgumentException("fault " + id + ": pattern " + pattern + " not found in " + module
                    + "* (did the generator's output change?)");
        }
        String mutated = firstOnly ? m.replaceFirst(replacement) : m.replaceAll(replacement);
        return verilog.substring(0, start) + mutated + verilog.substring(end);
    }

    /** The fault named {@code id} (as on the command line). */
    public static FaultInjection byId(String id) {
        for (FaultInjection f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (FaultInjection f : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(f.id);
        }
        throw new MaxdnnException(MaxdnnException.USAGE, "unknown fault '" + id + "' (known: " + known + ")");
    }
}
