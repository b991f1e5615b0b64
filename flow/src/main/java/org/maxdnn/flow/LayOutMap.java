package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.maxdnn.Assets;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.layout.HardwareTable;
import org.maxdnn.layout.Layout;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;

/**
 * Optional stage after the report's energy: every configuration of the chosen map (and the exact
 * multiplier, the baseline every row is read against) placed and routed with qflow, for the
 * report's hardware table. The pre- vs post-route energies run on the operand stream of the layer
 * with the most multiplications, as a PE of that layer sees it.
 */
public final class LayOutMap {
    /** Operand pairs of the stream each multiplier's energy is measured on. */
    private static final int PAIRS = 20_000;

    /** The table and the layer whose stream priced it. */
    public record Laid(List<HardwareTable.Row> rows, String streamLayer) {
    }

    private LayOutMap() {
    }

    /** Lays out {@code map}'s configurations under {@code out}; {@code assets} (may be null) holds EvoApprox Verilog. */
    public static Laid run(Workload work, ApproxMap map, Assets assets, double clockNs, Path out, FlowListener listener) {
        ConvLayer busiest = work.net().weightedLayers().stream()
                .max(Comparator.comparingLong(ConvLayer::macs)).orElseThrow();
        OperandStream stream = OperandStreams.capture(InferencePlan.compile(work.net(), ApproxMap.exact(),
                work.registry()), work.first(4).images(), PAIRS, 1).get(busiest.name());
        Set<MultiplierConfig> configs = new LinkedHashSet<>(List.of(MultiplierConfig.EXACT));
        configs.addAll(map.configsUsed(work.net()));
        listener.note(String.format(Locale.ROOT, "laying out %d configurations with qflow (energy on %s's stream)",
                configs.size(), busiest.name()));
        List<HardwareTable.Row> rows = HardwareTable.of(configs, assets, out, new Layout.Options(clockNs, stream),
                listener::note);
        return new Laid(rows, busiest.name());
    }
}
