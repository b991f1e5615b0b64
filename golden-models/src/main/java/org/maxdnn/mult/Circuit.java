package org.maxdnn.mult;

import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The netlist that stands for a configuration wherever one is synthesised, characterised, laid out
 * or written on its own (the generator's {@code Circuits} gives it): a Verilog module with 8-bit
 * ports {@code a} (the activation) and {@code b} (the weight) and a {@code product}, and how the
 * configuration's signed operands enter those ports. Configurations that share a netlist (a table
 * with and without ALWANN's tuning) share its module and differ in their {@link Ports}.
 *
 * @param config      the configuration
 * @param module      the Verilog module
 * @param productBits bits of its product port
 * @param verilog     its Verilog and every module it instantiates (built on demand)
 * @param ports       how operands enter it and what it computes on them
 */
public record Circuit(MultiplierConfig config, String module, int productBits, Supplier<String> verilog, Ports ports) {
    /**
     * @param activation the value on port a (an 8-bit code as a signed byte) for signed activation a
     * @param weight     the value on port b for signed weight b
     * @param product    what the netlist computes on the port values (signed bytes), low productBits compared
     */
    public record Ports(IntUnaryOperator activation, IntUnaryOperator weight, IntBinaryOperator product) {
        /** The signed operands on the ports as they are: the netlist computes the multiplier's own product. */
        public static Ports signed(Multiplier m) {
            return new Ports(IntUnaryOperator.identity(), IntUnaryOperator.identity(), m::multiply);
        }
    }
}
