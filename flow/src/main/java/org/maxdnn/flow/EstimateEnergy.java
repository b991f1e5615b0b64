package org.maxdnn.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.report.Column;
import org.maxdnn.report.Table;

/**
 * Stage 6, the energy of a map: per layer and in all, priced with an energy table
 * ({@link MapEnergy}: multiplications × pJ per multiplication of each kernel's configuration on its
 * layer's data), with its saving against the all-exact map.
 */
public final class EstimateEnergy {
    private EstimateEnergy() {
    }

    public static MapEnergy.Breakdown of(Network net, ApproxMap map, EnergyTable table) {
        return MapEnergy.of(net, map, table);
    }

    /** The breakdown per layer and in all, per image, as a report table. */
    public static Table table(MapEnergy.Breakdown b) {
        Table.Builder t = Table.builder("energy-per-layer", "", Column.text("layer", "layer"),
                Column.number("macs", "MACs", "", "%d"), Column.number("energy_uj", "energy", "uJ/image", "%.3f").csv("%.6f"),
                Column.number("exact_uj", "exact", "uJ/image", "%.3f").csv("%.6f"),
                Column.number("saving_pct", "saving", "%", "%.1f").csv("%.3f"));
        for (MapEnergy.LayerEnergy l : b.layers()) {
            t.row(l.layer(), l.macs(), l.pj() / 1e6, l.exactPj() / 1e6, l.savingPct());
        }
        return t.row("total", b.layers().stream().mapToLong(MapEnergy.LayerEnergy::macs).sum(), b.pj() / 1e6,
                b.exactPj() / 1e6, b.savingPct()).build();
    }

    /** The breakdown as JSON: library, method, map, totals and one entry per layer. */
    public static void writeJson(MapEnergy.Breakdown b, EnergyTable table, String mapName, Path file) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("library", table.library())
                .put("method", table.method()).put("map", mapName).put("pj_per_image", b.pj())
                .put("exact_pj_per_image", b.exactPj()).put("saving_pct", b.savingPct());
        ArrayNode layers = root.putArray("layers");
        for (MapEnergy.LayerEnergy l : b.layers()) {
            layers.addObject().put("layer", l.layer()).put("macs", l.macs()).put("pj", l.pj())
                    .put("exact_pj", l.exactPj()).put("saving_pct", l.savingPct());
        }
        AtomicFiles.writeString(file, root.toPrettyString() + "\n");
    }
}
