package org.maxdnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.maxdnn.mult.ExactMultiplier;
import org.maxdnn.mult.MultiplierRegistry;

/** Metric values worked out by hand from the definitions, against the exhaustive computation. */
class ErrorMetricsTest {
    private final MultiplierRegistry registry = new MultiplierRegistry(null);

    @Test
    void exactHasNoError() {
        assertEquals(new ErrorMetrics(0, 0, 0, 0, 0, 0), ErrorMetrics.signed(ExactMultiplier.INSTANCE));
    }

    /**
     * roup-p0r1: a_R = a + 1 for odd a, a for even a, so error = b exactly when a is odd.
     * MED = ½·mean|b| = ½·(Σ_{1..128} + Σ_{1..127})/256 = ½·(8256 + 8128)/256 = 32.
     * WCE = |−128| = 128. EP = ½·255/256. BIAS = ½·mean(b) = ½·(−128/256) = −0.25.
     */
    @Test
    void roupP0R1ByHand() {
        ErrorMetrics m = ErrorMetrics.signed(registry.get("roup-p0r1"));
        assertEquals(32.0, m.med(), 1e-12);
        assertEquals(32.0 / 16384, m.nmed(), 1e-15);
        assertEquals(128, m.wce());
        assertEquals(0.5 * 255 / 256, m.ep(), 1e-12);
        assertEquals(-0.25, m.bias(), 1e-12);
    }

    /**
     * roup-p1r0: b_P − b = −(low two bits of b read as signed) ∈ {0, −1, +2, +1} for low bits 0..3,
     * independent of a. So MED = mean|a|·¾·(1+2+1)/3 = 64·1 = 64, WCE = 128·2 = 256,
     * EP = ¾·255/256 (a ≠ 0), BIAS = mean(a)·mean(Δ) = (−½)·(½) = −0.25.
     */
    @Test
    void roupP1R0ByHand() {
        ErrorMetrics m = ErrorMetrics.signed(registry.get("roup-p1r0"));
        assertEquals(64.0, m.med(), 1e-12);
        assertEquals(256, m.wce());
        assertEquals(0.75 * 255 / 256, m.ep(), 1e-12);
        assertEquals(-0.25, m.bias(), 1e-12);
    }

    /**
     * roupc-p0r1: only column 0 changes: its two bits (row-0 bit 0 and the row-0 negation bit,
     * worth 0..2 together) are replaced by the constant 1, so every error is −1, 0 or +1:
     * WCE = 1 and MED = EP.
     */
    @Test
    void roupcP0R1ErrsByAtMostOne() {
        ErrorMetrics m = ErrorMetrics.signed(registry.get("roupc-p0r1"));
        assertEquals(1, m.wce());
        assertEquals(m.ep(), m.med(), 1e-12);
    }
}
