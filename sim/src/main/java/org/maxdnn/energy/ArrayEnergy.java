package org.maxdnn.energy;

/**
 * The whole array's energy per inference, Accelergy-style: action counts × energy per action. The
 * multiplications come priced by the {@link EnergyTable} (per layer and configuration, see
 * {@link MapEnergy}); the other actions by an {@link ActionEnergyTable}.
 */
public final class ArrayEnergy {
    /**
     * What the array does in one inference, beyond its multiplications.
     *
     * @param macs multiply-accumulates (each an adder operation)
     * @param registerBitToggles bits of the PEs' activation and partial-sum registers that change
     * @param flopCycles PE flip-flops × clock cycles
     * @param weightLoads PE weight loads (every PE of every fold)
     */
    public record ActionCounts(double macs, double registerBitToggles, double flopCycles, double weightLoads) {
    }

    /** pJ per inference by part; {@link #multiplierShare()} is how much of it the multipliers are. */
    public record Breakdown(double multiplierPj, double adderPj, double registerDataPj, double clockPj, double loadPj) {
        public double totalPj() {
            return multiplierPj + adderPj + registerDataPj + clockPj + loadPj;
        }

        public double multiplierShare() {
            return multiplierPj / totalPj();
        }
    }

    private ArrayEnergy() {
    }

    public static Breakdown of(ActionCounts n, ActionEnergyTable ert, double multiplierPj) {
        return new Breakdown(multiplierPj, n.macs() * ert.pj(ActionEnergyTable.ADDER_ADD),
                n.registerBitToggles() * ert.pj(ActionEnergyTable.REGISTER_BIT_TOGGLE),
                n.flopCycles() * ert.pj(ActionEnergyTable.REGISTER_CLOCK),
                n.weightLoads() * ert.pj(ActionEnergyTable.WEIGHT_LOAD));
    }
}
