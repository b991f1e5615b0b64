package org.maxdnn.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;

/**
 * The energy per action of the array's parts other than the multiplier (Accelergy's ERT), keyed
 * like the {@link ActionCounts} it prices, an input file a user can replace: CSV
 * {@code component,action,pj,estimator}, or {@code component,action,arguments,pj,estimator} when
 * an action has arguments ({@code name=value;name=value}), one action per line, lines starting
 * with {@code #} ignored. The multiplication's energy is the {@link EnergyTable}, per layer and
 * configuration. The toolkit measures these entries on synthesised netlists
 * ({@code org.maxdnn.sim.ActionEnergyCharacterization}); a missing entry is an error naming the
 * file and the key.
 *
 * @param source where the table was read from (or "measured")
 * @param entries action → entry, in file order
 */
public record ActionEnergyTable(String source, Map<Action, Entry> entries) {
    private static final String HEADER = "component,action,pj,estimator";
    private static final String HEADER_WITH_ARGUMENTS = "component,action,arguments,pj,estimator";

    /** pJ per action and how it was obtained. */
    public record Entry(double pj, String estimator) {
    }

    public ActionEnergyTable {
        entries = Action.ordered(entries);
    }

    /** pJ per {@code action}; an error naming the action and the table when it has no entry. */
    public double pj(Action action) {
        Entry e = entries.get(action);
        if (e == null) {
            throw MaxdnnException.badInput("action energy table " + source + " has no entry " + action + " (it has "
                    + entries.keySet().stream().map(Action::toString).collect(Collectors.joining("; ")) + ")");
        }
        return e.pj();
    }

    public void write(Path file) {
        boolean arguments = entries.keySet().stream().anyMatch(a -> !a.arguments().isEmpty());
        StringBuilder b = new StringBuilder("# MAx-DNN energy per action of the array's parts (pJ); the multiplications "
                + "are in the energy table\n").append(arguments ? HEADER_WITH_ARGUMENTS : HEADER).append('\n');
        entries.forEach((a, e) -> b.append(a.component()).append(',').append(a.action()).append(',')
                .append(arguments ? a.argumentsText() + "," : "").append(String.format(Locale.ROOT, "%.6g", e.pj()))
                .append(',').append(e.estimator().replace(',', ';')).append('\n'));
        AtomicFiles.writeString(file, b.toString());
    }

    public static ActionEnergyTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read action energy table " + file + ": " + e.getMessage(), e);
        }
        Map<Action, Entry> out = new LinkedHashMap<>();
        String header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = file + ", line " + (i + 1) + ": ";
            if (header == null) {
                if (!line.equals(HEADER) && !line.equals(HEADER_WITH_ARGUMENTS)) {
                    throw MaxdnnException.badInput(at + "expected the header '" + HEADER + "' or '" + HEADER_WITH_ARGUMENTS
                            + "'");
                }
                header = line;
                continue;
            }
            boolean arguments = header.equals(HEADER_WITH_ARGUMENTS);
            String[] f = line.split(",", arguments ? 5 : 4);
            if (f.length < (arguments ? 4 : 3)) {
                throw MaxdnnException.badInput(at + "expected " + (arguments ? "component,action,arguments,pj[,estimator]"
                        : "component,action,pj[,estimator]"));
            }
            int pjField = arguments ? 3 : 2;
            double pj;
            try {
                pj = Double.parseDouble(f[pjField].strip());
            } catch (NumberFormatException e) {
                throw MaxdnnException.badInput(at + "pj '" + f[pjField] + "' is not a number");
            }
            if (!(pj >= 0) || Double.isInfinite(pj)) {
                throw MaxdnnException.badInput(at + "pj must be a finite number >= 0, not " + f[pjField]);
            }
            Action key;
            try {
                key = new Action(f[0].strip(), f[1].strip(), Action.parseArguments(arguments ? f[2] : ""));
            } catch (IllegalArgumentException e) {
                throw MaxdnnException.badInput(at + e.getMessage());
            }
            if (out.put(key, new Entry(pj, f.length > pjField + 1 ? f[pjField + 1].strip() : "")) != null) {
                throw MaxdnnException.badInput(at + "entry " + key + " given twice");
            }
        }
        if (header == null) {
            throw MaxdnnException.badInput(file + ": no header '" + HEADER + "'");
        }
        return new ActionEnergyTable(file.toString(), out);
    }
}
