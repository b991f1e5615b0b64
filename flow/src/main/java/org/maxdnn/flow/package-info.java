/**
 * The toolkit's flow as a library, one class per stage, each taking a request record and returning
 * a result record, with progress and narration through a {@link org.maxdnn.flow.FlowListener}:
 *
 * <ol>
 * <li>{@link org.maxdnn.flow.CharacteriseEnergy}: energy per multiplication of every circuit on
 * every layer's real operands → {@code energy-table.json};</li>
 * <li>{@link org.maxdnn.flow.ExploreMaps}: Pareto fronts of the MAx-DNN approaches and ALWANN;</li>
 * <li>{@link org.maxdnn.flow.PickMap}: the largest saving within the loss bound;</li>
 * <li>{@link org.maxdnn.flow.GenerateRtl}: the configurable and fixed arrays;</li>
 * <li>{@link org.maxdnn.flow.Cosimulate}: the map through the RTL, checked bit for bit;</li>
 * <li>{@link org.maxdnn.flow.EstimateEnergy}: the map's energy per layer;</li>
 * <li>{@link org.maxdnn.flow.WriteReport}: an HTML page of {@link org.maxdnn.flow.ReportSection}s.</li>
 * </ol>
 *
 * {@link org.maxdnn.flow.MainFlow} chains them ({@code maxdnn run}); the commands parse options
 * into the requests and print the results.
 */
package org.maxdnn.flow;
