package org.maxdnn.sim;

import java.util.Locale;

/**
 * Energy of one simulated operand stream on one synthesised design, per operation (one input
 * vector per clock cycle, so one operation per transition between consecutive vectors). All
 * energies in joules per operation.
 *
 * @param design top module
 * @param library liberty name
 * @param operations transitions simulated (vectors − 1)
 * @param switching Σ over nets driven by cells of toggles × ½·C_load·V²
 * @param inputSwitching the same for the primary-input nets (their fanout capacitance, charged by
 *        whatever drives the design; OpenSTA leaves it out)
 * @param internal Σ internal-power events × liberty internal energy
 * @param leakage leakage power × clock period
 * @param clockPeriod seconds per operation used for leakage
 */
public record EnergyReport(String design, String library, long operations, double switching, double inputSwitching,
                           double internal, double leakage, double clockPeriod) {

    /** Everything, input-net switching included, in joules per operation. */
    public double total() {
        return switching + inputSwitching + internal + leakage;
    }

    /** What OpenSTA's report_power covers (cells only: no input-net switching), J per operation. */
    public double cellsOnly() {
        return switching + internal + leakage;
    }

    public double totalPj() {
        return total() * 1e12;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s on %s: %.4f pJ/op (switching %.4f, input nets %.4f, internal %.4f, leakage %.5f) over %d ops",
                design, library, totalPj(), switching * 1e12, inputSwitching * 1e12, internal * 1e12, leakage * 1e12,
                operations);
    }
}
