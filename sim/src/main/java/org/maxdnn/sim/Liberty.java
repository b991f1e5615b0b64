package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * A cell library read from a liberty file: its cells and units. Values
 * inside cells stay in library units; the unit fields convert them to SI.
 *
 * @param name library name
 * @param file where it was read from
 * @param timeUnit seconds per library time unit ({@code time_unit})
 * @param capacitanceUnit farads per library capacitance unit ({@code capacitive_load_unit})
 * @param voltageUnit volts per library voltage unit ({@code voltage_unit})
 * @param leakagePowerUnit watts per library leakage unit ({@code leakage_power_unit})
 * @param nominalVoltage supply voltage in volts ({@code nom_voltage}, else the default operating
 *        conditions' {@code voltage})
 * @param cells cells by name, in file order
 * @param defaultWireLoad the {@code default_wire_load} model, or null
 * @param root the parsed file, for attributes not modelled here
 */
public record Liberty(String name, Path file, double timeUnit, double capacitanceUnit, double voltageUnit,
                      double leakagePowerUnit, double nominalVoltage, Map<String, LibertyCell> cells,
                      WireLoad defaultWireLoad, LibertyGroup root) {
    public Liberty {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The default library of the toolkit (SPEC §8): Debian's qflow-tech-osu018. */
    public static final Path OSU018 = Path.of("/usr/share/qflow/tech/osu018/osu018_stdcells.lib");

    /** Reads, parses and interprets a liberty file. */
    public static Liberty read(Path file) {
        return LibertyInterpreter.interpret(file, LibertyParser.parse(file));
    }

    public LibertyCell cell(String cellName) {
        LibertyCell c = cells.get(cellName);
        if (c == null) {
            throw MaxdnnException.badInput("cell " + cellName + " is not in liberty " + name + " (" + file + ")");
        }
        return c;
    }

    /**
     * Joules per unit of the internal_power tables: capacitance unit × voltage unit² (1 pF · 1 V² =
     * 1 pJ), the Liberty convention that OpenSTA follows.
     */
    public double energyUnit() {
        return capacitanceUnit * voltageUnit * voltageUnit;
    }

    /** Mean input-pin capacitance over all input pins of all cells, library units. */
    public double meanInputCapacitance() {
        double s = 0;
        int n = 0;
        for (LibertyCell c : cells.values()) {
            for (LibertyPin p : c.pins().values()) {
                if (p.direction().equals("input") && p.capacitance() > 0) {
                    s += p.capacitance();
                    n++;
                }
            }
        }
        return n == 0 ? 0 : s / n;
    }
}
