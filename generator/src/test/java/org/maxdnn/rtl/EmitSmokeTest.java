package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmitSmokeTest {
    @Test
    void emitsTinyModule() {
        String v = Emit.verilog(() -> new Passthrough(4));
        assertTrue(v.contains("module Passthrough"), v);
    }
}
