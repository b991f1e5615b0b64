/**
 * Gate-level switching activity and energy (SPEC §8).
 *
 * <p>Flow: {@link org.maxdnn.sim.YosysSynth}, the toolkit's one Yosys driver, maps any Verilog file +
 * top module to the cells of a liberty library (plain or gzip) and yields a flat
 * {@link org.maxdnn.sim.Netlist} (it also counts cells, generic or mapped, for {@code synth});
 * {@link org.maxdnn.sim.Liberty#read} reads the library ({@link org.maxdnn.sim.LibertyLexer},
 * {@link org.maxdnn.sim.LibertyParser}, {@link org.maxdnn.sim.LibertyInterpreter});
 * {@link org.maxdnn.sim.GateSimulator} simulates {@link org.maxdnn.sim.OperandStream}s 64 vectors
 * at a time and counts toggles ({@link org.maxdnn.sim.Activity}); {@link org.maxdnn.sim.EnergyModel}
 * turns them into joules per operation ({@link org.maxdnn.sim.EnergyReport});
 * Two checks cover that figure, each on the code that produces it: {@link org.maxdnn.sim.IcarusActivity}
 * simulates the same netlist in Icarus with the liberty's own cell models and compares every net's
 * toggles (activity), and {@link org.maxdnn.sim.EnergyCrossCheck} prices one uniform activity
 * ({@link org.maxdnn.sim.UniformActivity}) with {@link org.maxdnn.sim.EnergyModel#evaluate} and
 * with OpenSTA's report_power ({@link org.maxdnn.sim.OpenStaPower}; energy per transition).
 * {@link org.maxdnn.sim.GateLevelEnergy} strings the steps together for one design,
 * {@link org.maxdnn.sim.OperandStreams} makes the streams (uniform, exhaustive, or the real
 * operands of each layer as a weight-stationary PE sees them) and
 * {@link org.maxdnn.sim.EnergyCharacterization} measures the energy table of a set of circuits.
 *
 * <p>Conventions: one operation per clock cycle (one input vector per cycle, zero-delay, so
 * glitches are not counted); energy per operation = energy over the stream / (vectors − 1); default
 * clock 10 ns (leakage only), primary-input transition 0.1 ns, primary-output load = the library's
 * mean input-pin capacitance, the library's default wire-load model when it has one; a pin's
 * capacitance is the largest of its capacitance, rise_capacitance and fall_capacitance (as OpenSTA).
 * {@link org.maxdnn.sim.EnergyReport#total()} includes the charging of the primary-input nets;
 * {@link org.maxdnn.sim.EnergyReport#cellsOnly()} leaves it out, as OpenSTA does.
 */
package org.maxdnn.sim;
