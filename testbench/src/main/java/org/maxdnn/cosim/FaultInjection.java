package org.maxdnn.cosim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Faults injected into the generated Verilog of the configurable PE, to prove that cosimulation
 * catches a broken design. Each mutant is a textual edit of the PE_Configurable module as firtool
 * emits it; applying one to Verilog where its pattern no longer occurs is an error (so a change in
 * the generator cannot silently turn the fault test into a no-op).
 */
public enum FaultInjection {
    /** Booth digit 1's "one" select inverted. */
    BOOTH_SELECT("booth-select", "digit 1's one-select inverted",
            "(product_sel_1_one <= )\\(", "$1~("),
    /** Partial-product row 2 never selected (its three selects tied to 0). */
    DROP_ROW("drop-row", "partial-product row 2 dropped",
            "(product_sel_2_(?:neg|one|two) <=)(?!\\s*1'h0)[^;]*;", "$1 1'h0;"),
    /** Bit 8 of the PE accumulator adder stuck at 1. */
    STUCK_ADDER("stuck-adder", "accumulator adder bit 8 stuck at 1",
            "(psumOut_REG <= )([^;]*\\+ psumIn);", "$1($2) | 32'h100;"),
    /** Digit 0 kept for P = 1 instead of P = 0 (wrong perforation decode). */
    PERFORATION("perforation", "digit 0 perforated for P = 0 and kept for P = 1",
            "(product_sel_keep = cfg\\[4:3\\] == )2'h0;", "$12'h1;");

    private final String id;
    private final String description;
    private final Pattern pattern;
    private final String replacement;

    FaultInjection(String id, String description, String regex, String replacement) {
        this.id = id;
        this.description = description;
        this.pattern = Pattern.compile(regex, Pattern.DOTALL);
        this.replacement = replacement;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The Verilog with this fault in the PE_Configurable module. */
    public String apply(String verilog) {
        int start = verilog.indexOf("module PE_Configurable(");
        int end = start < 0 ? -1 : verilog.indexOf("endmodule", start);
        if (end < 0) {
            throw new IllegalArgumentException("fault " + id + ": the Verilog has no PE_Configurable module");
        }
        Matcher m = pattern.matcher(verilog.substring(start, end));
        if (!m.find()) {
            throw new IllegalArgumentException("fault " + id + ": pattern " + pattern + " not found in PE_Configurable"
                    + " (did the generator's output change?)");
        }
        return verilog.substring(0, start) + m.replaceAll(replacement) + verilog.substring(end);
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
