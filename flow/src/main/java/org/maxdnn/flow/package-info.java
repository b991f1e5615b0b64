/**
 * The toolkit's flow as a library, one class per stage, each taking a request record and returning
 * a result record, with progress and narration through a {@link org.maxdnn.flow.FlowListener}:
 *
 * <ol>
 * <li>{@link org.maxdnn.flow.CharacteriseEnergy}: energy per multiplication of every circuit on
 * every layer's real operands → {@code energy-table.json} (and {@code action-energy.csv});</li>
 * <li>{@link org.maxdnn.flow.ExploreMaps}: Pareto fronts of the MAx-DNN approaches and ALWANN;</li>
 * <li>{@link org.maxdnn.flow.PickMap}: the largest saving within the loss bound;</li>
 * <li>{@link org.maxdnn.flow.GenerateRtl}: the configurable and fixed arrays;</li>
 * <li>{@link org.maxdnn.flow.Cosimulate}: the map through the RTL, checked bit for bit;</li>
 * <li>{@link org.maxdnn.flow.EstimateEnergy} and {@link org.maxdnn.flow.EstimateArrayEnergy}: the
 * map's energy per layer, and the whole array's;</li>
 * <li>{@link org.maxdnn.flow.WriteReport}: a result's report sections ({@link org.maxdnn.flow.RunSections},
 * with any {@link org.maxdnn.flow.RunSectionPlugin} on the class path) as an HTML page, a CSV per table
 * and console lines.</li>
 * </ol>
 *
 * {@link org.maxdnn.flow.MainFlow} chains them ({@code maxdnn run}); {@link org.maxdnn.flow.ExploreAllNetworks}
 * runs stages 1 and 2 on every bundled network ({@code run --all}). The other commands' stages:
 * {@link org.maxdnn.flow.EvaluateMap} ({@code eval}), {@link org.maxdnn.flow.Bench} ({@code bench}),
 * {@link org.maxdnn.flow.SynthesiseCells} ({@code synth}), {@link org.maxdnn.flow.LayOutMap}
 * ({@code run --layout}). {@link org.maxdnn.flow.Profile} holds the defaults of a full run and of
 * {@code --quick}. The commands parse options into the requests and print the results.
 */
package org.maxdnn.flow;
