package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.MultiplierConfig;

class EmitSmokeTest {
    @Test
    void emitsTinyModule() {
        String v = Emit.verilog(() -> new Passthrough(4));
        assertTrue(v.contains("module Passthrough"), v);
    }

    @Test
    void emitsMultiplierWithoutArithmeticInTheTree() {
        String v = RtlGenerator.multiplierVerilog(MultiplierConfig.parse("roupc-p1r4"));
        assertTrue(v.contains("module Roupc_p1r4("), v);
        assertTrue(v.contains("verilator lint_off UNUSEDSIGNAL"), v);
        // one '+' only: the final adder
        assertEquals(1, v.chars().filter(ch -> ch == '+').count(), v);
        assertFalse(v.contains("randomize"), v);
    }

    @Test
    void moduleNames() {
        assertEquals("Exact", RtlGenerator.moduleName(MultiplierConfig.EXACT));
        assertEquals("Roup_p1r2", RtlGenerator.moduleName(MultiplierConfig.parse("roup-p1r2")));
        assertEquals("Roup_p1r2_inc", RtlGenerator.moduleName(MultiplierConfig.parse("roup-p1r2"), true));
        assertEquals("Roupc_p3r7", RtlGenerator.moduleName(MultiplierConfig.parse("roupc-p3r7")));
        assertEquals(0, ArrayDesign.configCode(MultiplierConfig.EXACT));
        assertEquals(32 + 8 + 5, ArrayDesign.configCode(MultiplierConfig.parse("roupc-p1r5")));
    }

    @Test
    void tableMultipliersHaveNoRtl() {
        MultiplierConfig lut = MultiplierConfig.parse("lut:mul8u_1JFF");
        assertFalse(RtlGenerator.isSupported(lut));
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> RtlGenerator.multiplierVerilog(lut));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertThrows(MaxdnnException.class,
                () -> ArrayDesign.uniform("A", 2, 2, lut));
        assertThrows(MaxdnnException.class, () -> ArrayDesign.configurable("1bad", 2, 2));
    }
}
