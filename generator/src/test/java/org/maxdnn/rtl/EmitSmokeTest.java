package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.PeKind;
import org.maxdnn.mult.ConfigurationCode;
import org.maxdnn.mult.MultiplierConfig;

class EmitSmokeTest {
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
    void moduleNamesAndCodes() {
        assertEquals("Exact", RtlGenerator.moduleName(MultiplierConfig.EXACT));
        assertEquals("Roup_p1r2", RtlGenerator.moduleName(MultiplierConfig.parse("roup-p1r2")));
        assertEquals("Roupc_p3r7", RtlGenerator.moduleName(MultiplierConfig.parse("roupc-p3r7")));
        assertEquals("Alwann_mul8u_2AC", RtlGenerator.moduleName(MultiplierConfig.parse("alwann:mul8u_2AC")));
        ConfigurationCode pe = ArrayConfig.configurable(1, 1).code();
        assertEquals(6, pe.bits());
        assertEquals(6, ArrayConfig.configurable(2, 2).codeBits());
        assertEquals(0, ArrayConfig.fixed("f", List.of(List.of(MultiplierConfig.EXACT))).codeBits());
        assertEquals(0, pe.code(MultiplierConfig.EXACT));
        assertEquals(32 + 8 + 5, pe.code(MultiplierConfig.parse("roupc-p1r5")));
        for (int code = 0; code < 64; code++) {
            if (code == 0 || (code & 31) != 0) {
                assertEquals(code, pe.code(pe.config(code)), "code " + code);
            }
        }
        assertEquals(65, pe.configurations().size(), "exact, roup and roupc");
    }

    @Test
    void arrayConfigDerivesNameAndTiming() {
        ArrayConfig c = ArrayConfig.configurable(16, 8);
        assertEquals("SystolicArray_16x8", c.moduleName());
        assertEquals(24, c.latency());
        assertEquals(16, c.loadCycles());
        assertEquals(4, c.rowIndexBits());
        MultiplierConfig p1r2 = MultiplierConfig.parse("roup-p1r2");
        ArrayConfig f = ArrayConfig.fixed("conv1", List.of(List.of(p1r2, p1r2, p1r2), List.of(p1r2, p1r2, p1r2)));
        assertEquals("SystolicArray_conv1_2x3", f.moduleName());
        assertEquals(MultiplierConfig.parse("roup-p1r2"), f.config(1, 2));
        assertEquals("SystolicArray_4x4", c.withSize(4, 4).moduleName());
        assertThrows(IllegalStateException.class, () -> f.withSize(4, 4));
        String manifest = ArrayManifest.json(f);
        assertTrue(manifest.contains("\"module\" : \"SystolicArray_conv1_2x3\"") && manifest.contains("\"latency\" : 5"), manifest);
    }

    @Test
    void badArraysAndMultipliersAreClearErrors() {
        assertThrows(MaxdnnException.class, () -> ArrayConfig.configurable(0, 4));
        assertThrows(MaxdnnException.class, () -> ArrayConfig.configurable(4, 257));
        assertThrows(MaxdnnException.class, () -> ArrayConfig.fixed("1-bad", List.of(List.of(MultiplierConfig.EXACT))));
        assertThrows(MaxdnnException.class, () -> new ArrayConfig(2, 2, null,
                new PeKind.Fixed(List.of(List.of(MultiplierConfig.EXACT))), false));
        MultiplierConfig lut = MultiplierConfig.parse("lut:mul8u_1JFF");
        // a table multiplier's circuit comes from the asset folder, and it has no configuration code
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> RtlGenerator.multiplierVerilog(lut));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("asset folder"), e.getMessage());
        ConfigurationCode pe = ArrayConfig.configurable(1, 1).code();
        assertFalse(pe.covers(lut));
        assertThrows(MaxdnnException.class, () -> pe.code(lut));
    }
}
