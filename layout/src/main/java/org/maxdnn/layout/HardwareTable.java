package org.maxdnn.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.maxdnn.Assets;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.rtl.Circuits;

/**
 * The hardware table of a map for a report: every configuration the map uses, laid out as a
 * registered multiplier, with its area, maximum clock and energy per multiplication before and
 * after routing. Each is laid out as its circuit ({@link Circuits}): a generated multiplier, or an
 * EvoApprox table's circuit from the asset folder ({@code lut:} and {@code alwann:} of one table
 * share it and are laid out once).
 */
public final class HardwareTable {
    /**
     * One configuration's row.
     *
     * @param config the configuration's name
     * @param cellAreaUm2 logic cell area, µm²
     * @param dieAreaUm2 die area, µm²
     * @param maxClockMhz post-route maximum clock
     * @param preRoutePj energy per multiplication before routing (NaN when not measured)
     * @param postRoutePj energy per multiplication after routing (NaN when not measured)
     * @param clean DRC and LVS clean, fully routed
     * @param qflowVersion the qflow that laid it out
     */
    public record Row(String config, double cellAreaUm2, double dieAreaUm2, double maxClockMhz, double preRoutePj,
                      double postRoutePj, boolean clean, String qflowVersion) {
    }

    private HardwareTable() {
    }

    /**
     * The rows of {@code configs} (each circuit laid out once), laid out under {@code out};
     * {@code assets} (may be null) holds the EvoApprox circuits.
     */
    public static List<Row> of(Collection<MultiplierConfig> configs, Assets assets, Path out,
                               Layout.Options options, Consumer<String> progress) {
        List<LayoutDesign> designs = new ArrayList<>();
        Set<String> modules = new LinkedHashSet<>();
        for (MultiplierConfig c : configs) {
            Circuit circuit = Circuits.of(c, assets);
            if (modules.add(circuit.module())) {
                designs.add(LayoutDesign.multiplier(circuit));
            }
        }
        Layout.Results results = Layout.runAll(designs, out, options, progress);
        List<Row> rows = new ArrayList<>();
        for (LayoutReport r : results.designs()) {
            PostRouteEnergy e = r.energy();
            rows.add(new Row(r.design(), r.cellAreaUm2(), r.dieAreaUm2(), r.timing().maxClockMhz(),
                    e == null ? Double.NaN : e.preRoutePj(), e == null ? Double.NaN : e.postRoutePj(), r.clean(),
                    results.qflowVersion()));
        }
        return rows;
    }
}
