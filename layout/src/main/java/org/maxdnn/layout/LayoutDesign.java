package org.maxdnn.layout;

import java.util.List;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.rtl.RtlGenerator;

/**
 * One design to place and route: its Verilog (every module it needs, in one text) and top module.
 *
 * <p>A multiplier is its {@link Circuit} (the generator's {@code Circuits}) laid out between
 * registers (operands a, b and the product, all clocked by {@code clock}), so that static timing
 * has register-to-register paths and the maximum clock means something. Such a design has
 * {@link #circuit} set; the layout's energy cuts the routed netlist at those registers (see
 * {@link RegisterCut}).
 *
 * @param name what the user asked for, e.g. "roup-p1r2", "lut:mul8u_125K", "pe:exact", "array:conv4:4x4"
 * @param top the top module
 * @param verilog the Verilog source
 * @param circuit the multiplier circuit between the registers, or null for a PE or an array
 */
public record LayoutDesign(String name, String top, String verilog, Circuit circuit) {
    /** True when this is a registered multiplier (ports clock, a, b, product). */
    public boolean isMultiplier() {
        return circuit != null;
    }

    /** A multiplier's circuit between registers (for a table multiplier, on unsigned operand codes). */
    public static LayoutDesign multiplier(Circuit circuit) {
        String top = "Registered_" + circuit.module();
        String wrapper = registered(top, circuit.module() + " core (.a(a_q), .b(b_q), .product(product_d));",
                circuit.productBits());
        return new LayoutDesign(circuit.config().name(), top, circuit.verilog().get() + "\n" + wrapper, circuit);
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
     * A gated PE with its weight and data clock gates (SPEC §6.1), as the last row of a 16-row gated
     * array has it (20-bit partial sums): latch-based gates in the clock path of its registers.
     */
    public static LayoutDesign gatedPe(MultiplierConfig config, Assets assets) {
        ArrayConfig sixteen = ArrayConfig.configurable(16, 16).withGating(true);
        return new LayoutDesign("pe:gated:" + config.name(), RtlGenerator.gatedPeModule(config),
                RtlGenerator.gatedPeVerilog(config, sixteen.psumBits(14), sixteen.psumBits(15), assets), null);
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

    /** An accelerator with flip-flop memories (SPEC §13) named {@code name}: its array, sequencer, foot and memories as one design. */
    public static LayoutDesign accelerator(String name, AcceleratorConfig config) {
        if (config.memories() != AcceleratorConfig.MemoryStyle.FLOPS) {
            throw MaxdnnException.badInput("layout takes an accelerator with flip-flop memories (macros are black boxes)");
        }
        return new LayoutDesign(name, config.moduleName(),
                AcceleratorRtl.verilog(config, null), null);
    }

    /**
     * The wrapper: a_q, b_q and the product ({@code productBits} wide) registered on {@code clock};
     * {@code instance} connects the core to a_q, b_q and product_d.
     */
    static String registered(String top, String instance, int productBits) {
        String product = "[" + (productBits - 1) + ":0]";
        return "// Operands and product registered so that timing has register-to-register paths.\n"
                + "module " + top + "(\n"
                + "  input         clock,\n"
                + "  input  [7:0]  a,\n"
                + "  input  [7:0]  b,\n"
                + "  output " + product + " product\n"
                + ");\n"
                + "  reg  [7:0]  a_q;\n"
                + "  reg  [7:0]  b_q;\n"
                + "  reg  " + product + " product_q;\n"
                + "  wire " + product + " product_d;\n"
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
