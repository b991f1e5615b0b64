/**
 * Energy tables and the energy of a map (SPEC §8): {@link org.maxdnn.energy.EnergyTable}, pJ per
 * multiplication of each configuration on each layer's data, an input file with its provenance;
 * {@link org.maxdnn.energy.MapEnergy}, multiplications × those figures per layer and in all; and the
 * whole array's energy as Accelergy sums it: {@link org.maxdnn.energy.ActionCounts} keyed by
 * {@link org.maxdnn.energy.Action} (component, action, arguments), an
 * {@link org.maxdnn.energy.ActionEnergyTable} keyed the same way, and {@link org.maxdnn.energy.ArrayEnergy}'s
 * generic sum.
 *
 * <p>They live in {@code sim} beside the flow that measures the tables
 * ({@link org.maxdnn.sim.EnergyCharacterization}); the module depends on the golden models only,
 * so the exploration prices maps with them without the RTL generator.
 */
package org.maxdnn.energy;
