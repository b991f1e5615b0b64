package org.maxdnn.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maxdnn.mult.Multiplier;

/**
 * One weight-stationary PE's inputs, cycle by cycle, from a layer's real operand stream (see
 * {@link OperandStreams#capture}): a load cycle whenever the weight changes (load = 1, the new
 * weight, activation 0), then one cycle per pair (the activation; the weight held). The partial
 * sum coming from the PE above is the sum of the previous {@link #ROWS_ABOVE} products of the
 * stream, a stand-in with a real layer's magnitudes and correlation for the sums of the rows
 * above, which a single stream does not hold.
 *
 * <p>It also counts, at register-transfer level, what the PE's registers do on these inputs (the
 * action counts of an array estimate): activation-register and partial-sum-register bit toggles,
 * loads and cycles. Registers start at 0 (after reset).
 *
 * @param load load input per cycle (0/1)
 * @param weight weight input per cycle
 * @param act activation input per cycle
 * @param psum partial-sum input per cycle
 * @param product the multiplier's operands per cycle (a = act, b = the weight it holds)
 * @param registerBitToggles act + psum register bits changed between consecutive cycles
 * @param loads load cycles
 */
public record PeStimulus(int[] load, int[] weight, int[] act, int[] psum, OperandStream product, long registerBitToggles,
                         long loads) {
    public static final int ROWS_ABOVE = 16;

    public int cycles() {
        return act.length;
    }

    /** The PE's ports as {@link GateSimulator#simulate} takes them (clock and reset held at 0). */
    public Map<String, int[]> ports() {
        Map<String, int[]> in = new LinkedHashMap<>();
        in.put("clock", new int[cycles()]);
        in.put("reset", new int[cycles()]);
        in.put("load", load);
        in.put("weight", weight);
        in.put("actIn", act);
        in.put("psumIn", psum);
        return in;
    }

    /** The stimulus of {@code s} for a PE whose multiplier is {@code m}. */
    public static PeStimulus of(OperandStream s, Multiplier m) {
        int n = s.size();
        int loads = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || s.b()[i] != s.b()[i - 1]) {
                loads++;
            }
        }
        int cycles = n + loads;
        int[] load = new int[cycles];
        int[] weight = new int[cycles];
        int[] act = new int[cycles];
        int[] psum = new int[cycles];
        int[] pa = new int[cycles];
        int[] pb = new int[cycles];
        int held = 0;
        long window = 0;
        int[] recent = new int[ROWS_ABOVE];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || s.b()[i] != s.b()[i - 1]) {
                load[t] = 1;
                weight[t] = s.b()[i];
                pb[t] = held; // the multiplier still holds the old weight during the load cycle
                held = s.b()[i];
                t++;
            }
            weight[t] = held;
            act[t] = s.a()[i];
            psum[t] = (int) window;
            pa[t] = s.a()[i];
            pb[t] = held;
            int p = m.multiply(s.a()[i], held);
            window += p - recent[i % ROWS_ABOVE];
            recent[i % ROWS_ABOVE] = p;
            t++;
        }
        // RT level: actOut = reg(actIn), psumOut = reg(psumIn + product)
        long toggles = 0;
        int actReg = 0;
        int psumReg = 0;
        for (int c = 0; c + 1 < cycles; c++) {
            int nextAct = act[c];
            int nextPsum = psum[c] + m.multiply(pa[c], pb[c]);
            toggles += Integer.bitCount((actReg ^ nextAct) & 0xFF) + Integer.bitCount(psumReg ^ nextPsum);
            actReg = nextAct;
            psumReg = nextPsum;
        }
        return new PeStimulus(load, weight, act, psum, new OperandStream(s.name(), pa, pb), toggles, loads);
    }
}
