package org.maxdnn.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.rtl.RtlGenerator;

/**
 * One design to place and route: its Verilog (every module it needs, in one text) and top module.
 *
 * <p>A multiplier is laid out between registers (operands a, b and the product, all clocked by
 * {@code clock}), so that static timing has register-to-register paths and the maximum clock means
 * something. Such a design has {@link #config} set; the layout's energy cuts the routed netlist at
 * those registers (see {@link RegisterCut}).
 *
 * @param name what the user asked for, e.g. "roup-p1r2", "lut:mul8u_125K", "pe:exact", "array:conv4:4x4"
 * @param top the top module
 * @param verilog the Verilog source
 * @param config the multiplier between the registers, or null for a PE or an array
 */
public record LayoutDesign(String name, String top, String verilog, MultiplierConfig config) {
    private static final Pattern EVO_MODULE = Pattern.compile("module\\s+(mul8u_[A-Za-z0-9_]+)\\s*\\(");

    /** True when this is a registered multiplier (ports clock, a, b, product). */
    public boolean isMultiplier() {
        return config != null;
    }

    /** A generated multiplier configuration (exact, roup, roupc) between registers. */
    public static LayoutDesign multiplier(MultiplierConfig config) {
        String core = RtlGenerator.moduleName(config);
        String top = "Registered_" + core;
        String wrapper = registered(top, core + " core (.a(a_q), .b(b_q), .product(product_d));");
        return new LayoutDesign(config.name(), top, RtlGenerator.multiplierVerilog(config) + "\n" + wrapper, config);
    }

    /**
     * An EvoApprox circuit ({@code mul8u_NAME.v} in {@code verilogDir}) between registers, on unsigned
     * operand codes: the activation drives port B and the weight port A, as the tables are indexed
     * (T[a·256 + b] = O(A = b, B = a), see the folder's PORTS_AND_VERIFICATION.txt).
     */
    public static LayoutDesign evoApprox(MultiplierConfig config, Path verilogDir) {
        if (config.table() == null) {
            throw MaxdnnException.badInput(config.name() + " is not an EvoApprox table multiplier");
        }
        Path file = verilogDir.resolve(config.table() + ".v");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("no Verilog for " + config.name() + ": cannot read " + file, e);
        }
        Matcher m = EVO_MODULE.matcher(text);
        String module = null;
        while (m.find()) {
            if (m.group(1).equals(config.table())) {
                module = m.group(1);
            }
        }
        if (module == null) {
            throw MaxdnnException.badInput(file + " does not define module " + config.table());
        }
        String top = "Registered_" + module;
        String wrapper = registered(top, module + " core (.A(b_q), .B(a_q), .O(product_d));");
        return new LayoutDesign(config.name(), top, text + "\n" + wrapper, config);
    }

    /**
     * A single PE (weight, activation and partial-sum registers, adder) with its multiplier baked in;
     * {@code assets} (may be null) holds the circuit of a table multiplier's PE ({@code lut:}, {@code alwann:}).
     */
    public static LayoutDesign pe(MultiplierConfig config, Assets assets) {
        ArrayConfig d = ArrayConfig.fixed("PE_" + RtlGenerator.moduleName(config), List.of(List.of(config)));
        return new LayoutDesign("pe:" + config.name(), d.moduleName(), RtlGenerator.arrayVerilog(d, assets), null);
    }

    /**
     * The configurable array's PE (a 1x1 configurable array: the PE that loads a configuration code
     * with its weight, between the array's boundary registers): what bounds the configurable array's clock.
     */
    public static LayoutDesign configurablePe() {
        return new LayoutDesign("pe:configurable", ArrayConfig.configurable(1, 1).moduleName(),
                RtlGenerator.arrayVerilog(ArrayConfig.configurable(1, 1)), null);
    }

    /** A fixed array (e.g. the one generated for one layer of a map); {@code assets} as for {@link #pe}. */
    public static LayoutDesign array(String name, ArrayConfig design, Assets assets) {
        return new LayoutDesign(name, design.moduleName(), RtlGenerator.arrayVerilog(design, assets), null);
    }

    /** An accelerator with flip-flop memories (SPEC §13): its array, sequencer, foot and memories as one design. */
    public static LayoutDesign accelerator(AcceleratorConfig config) {
        if (config.memories() != AcceleratorConfig.MemoryStyle.FLOPS) {
            throw MaxdnnException.badInput("layout takes an accelerator with flip-flop memories (macros are black boxes)");
        }
        return new LayoutDesign("accelerator:" + config.array().rows() + "x" + config.array().cols(), config.moduleName(),
                AcceleratorRtl.verilog(config, null), null);
    }

    /**
     * The wrapper: a_q, b_q and the product registered on {@code clock}; {@code instance} connects the
     * core to a_q, b_q and product_d.
     */
    static String registered(String top, String instance) {
        return "// Operands and product registered so that timing has register-to-register paths.\n"
                + "module " + top + "(\n"
                + "  input         clock,\n"
                + "  input  [7:0]  a,\n"
                + "  input  [7:0]  b,\n"
                + "  output [15:0] product\n"
                + ");\n"
                + "  reg  [7:0]  a_q;\n"
                + "  reg  [7:0]  b_q;\n"
                + "  reg  [15:0] product_q;\n"
                + "  wire [15:0] product_d;\n"
                + "  " + instance + "\n"
                + "  always @(posedge clock) begin\n"
                + "    a_q <= a;\n"
                + "    b_q <= b;\n"
                + "    product_q <= product_d;\n"
                + "  end\n"
                + "  assign product = product_q;\n"
                + "endmodule\n";
    }
}
