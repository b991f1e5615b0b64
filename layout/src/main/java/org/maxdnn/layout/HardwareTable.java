package org.maxdnn.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.TableConfig;
import org.maxdnn.rtl.RtlGenerator;

/**
 * The hardware table of a map for a report: every configuration the map uses, laid out as a
 * registered multiplier, with its area, maximum clock and energy per multiplication before and
 * after routing. Generatable configurations are laid out from the generator's RTL; EvoApprox table
 * configurations ({@code lut:}, and {@code alwann:}, whose circuit is the same table's) from their
 * Verilog when a folder of it is given, without energy (their operands are unsigned codes).
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

    /** The rows of the configurations {@code map} uses on {@code net}, laid out under {@code out}. */
    public static List<Row> forMap(ApproxMap map, Network net, Path evoApproxVerilog, Path out, Layout.Options options,
                                   Consumer<String> progress) {
        return of(map.configsUsed(net), evoApproxVerilog, out, options, progress);
    }

    /** The rows of {@code configs} (each circuit laid out once), laid out under {@code out}. */
    public static List<Row> of(Collection<MultiplierConfig> configs, Path evoApproxVerilog, Path out,
                               Layout.Options options, Consumer<String> progress) {
        List<LayoutDesign> designs = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (MultiplierConfig c : configs) {
            LayoutDesign d;
            if (RtlGenerator.isSupported(c)) {
                d = LayoutDesign.multiplier(c);
            } else if (c.table() != null && evoApproxVerilog != null) {
                d = LayoutDesign.evoApprox(TableConfig.lut(c.table()), evoApproxVerilog);
            } else {
                throw MaxdnnException.badInput("multiplier " + c.name() + " has no circuit to lay out");
            }
            if (names.add(d.name())) {
                designs.add(d);
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
