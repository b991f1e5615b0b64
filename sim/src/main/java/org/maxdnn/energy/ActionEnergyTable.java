package org.maxdnn.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;

/**
 * The energy per action of the array's parts other than the multiplier (Accelergy's ERT), an input
 * file a user can replace: CSV {@code component,action,pj,estimator}, one action per line, lines
 * starting with {@code #} ignored. The multiplication's energy is the {@link EnergyTable}, per
 * layer and configuration. The toolkit measures these entries on synthesised netlists
 * ({@code org.maxdnn.sim.ActionEnergyCharacterization}); a missing entry is an error naming the
 * file and the key.
 *
 * @param source where the table was read from (or "measured")
 * @param entries "component,action" → entry, in file order
 */
public record ActionEnergyTable(String source, Map<String, Entry> entries) {
    /** A PE flip-flop's clock pin and clock net, per flip-flop per cycle, whatever its data does. */
    public static final String REGISTER_CLOCK = "register,clock";
    /** One bit of a PE register changing its stored value (beyond its clock). */
    public static final String REGISTER_BIT_TOGGLE = "register,bit_toggle";
    /** The PE's 32-bit adder adding one product into the partial sum. */
    public static final String ADDER_ADD = "adder,add";
    /** One PE taking a new weight into its weight register (beyond the register's clock). */
    public static final String WEIGHT_LOAD = "weight_load,load";
    /** Every key an array estimate needs. */
    public static final List<String> KEYS = List.of(REGISTER_CLOCK, REGISTER_BIT_TOGGLE, ADDER_ADD, WEIGHT_LOAD);
    private static final String HEADER = "component,action,pj,estimator";

    /** pJ per action and how it was obtained. */
    public record Entry(double pj, String estimator) {
    }

    public ActionEnergyTable {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** pJ per action of {@code key} ("component,action"). */
    public double pj(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw MaxdnnException.badInput("action energy table " + source + " has no entry " + key + " (it needs "
                    + String.join("; ", KEYS) + ")");
        }
        return e.pj();
    }

    public void write(Path file) {
        StringBuilder b = new StringBuilder("# MAx-DNN energy per action of the array's parts (pJ); the multiplications "
                + "are in the energy table\n").append(HEADER).append('\n');
        entries.forEach((k, e) -> b.append(k).append(',').append(String.format(Locale.ROOT, "%.6g", e.pj())).append(',')
                .append(e.estimator().replace(',', ';')).append('\n'));
        AtomicFiles.writeString(file, b.toString());
    }

    public static ActionEnergyTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read action energy table " + file + ": " + e.getMessage(), e);
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = file + ", line " + (i + 1) + ": ";
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw MaxdnnException.badInput(at + "expected the header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length < 3) {
                throw MaxdnnException.badInput(at + "expected component,action,pj[,estimator]");
            }
            double pj;
            try {
                pj = Double.parseDouble(f[2].strip());
            } catch (NumberFormatException e) {
                throw MaxdnnException.badInput(at + "pj '" + f[2] + "' is not a number");
            }
            if (!(pj >= 0) || Double.isInfinite(pj)) {
                throw MaxdnnException.badInput(at + "pj must be a finite number >= 0, not " + f[2]);
            }
            String key = f[0].strip() + "," + f[1].strip();
            if (out.put(key, new Entry(pj, f.length > 3 ? f[3].strip() : "")) != null) {
                throw MaxdnnException.badInput(at + "entry " + key + " given twice");
            }
        }
        if (!header) {
            throw MaxdnnException.badInput(file + ": no header '" + HEADER + "'");
        }
        return new ActionEnergyTable(file.toString(), out);
    }
}
