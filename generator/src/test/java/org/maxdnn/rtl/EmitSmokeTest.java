package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.mult.MultiplierConfig;

class EmitSmokeTest {
    @Test
    void emitsTinyModule() {
        String v = Emit.verilog(() -> new Passthrough(4));
        assertTrue(v.contains("module Passthrough"), v);
    }

    @Test
    void emitsMultiplier() {
        String v = RtlGenerator.multiplierVerilog(MultiplierConfig.parse("roupc-p1r4"));
        System.out.println(v);
        assertTrue(v.contains("module Roupc_p1r4"), v);
    }
}
