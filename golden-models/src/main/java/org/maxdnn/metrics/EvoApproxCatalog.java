package org.maxdnn.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * The published EvoApprox circuit metrics ({@code evoapprox_multipliers_metrics.csv}): error figures
 * from the C headers and the 45 nm synthesis results. A circuit is listed once per Pareto subset
 * and branch; the first row of each name is kept.
 */
public final class EvoApproxCatalog {
    /** One circuit's published figures, as printed (MAE/WCE in product units, EP in percent). */
    public record Entry(String name, String kind, String mae, String wce, String epPercent,
                        double powerMilliwatt45nm, double areaUm2, double delayNs) {
    }

    private final Map<String, Entry> entries;
    private final Path file;

    private EvoApproxCatalog(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static EvoApproxCatalog read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw MaxdnnException.badInput("EvoApprox metrics file " + file + " does not exist");
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw MaxdnnException.badInput(file + " is empty");
        }
        List<String> header = List.of(lines.get(0).split(","));
        int[] col = new int[8];
        String[] names = {"name", "kind", "MAE", "WCE", "EP%", "PDK45_PWR", "PDK45_AREA", "PDK45_DELAY"};
        for (int i = 0; i < names.length; i++) {
            col[i] = header.indexOf(names[i]);
            if (col[i] < 0) {
                throw MaxdnnException.badInput(file + " line 1: no column '" + names[i] + "'");
            }
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            if (f.length != header.size()) {
                throw MaxdnnException.badInput(file + " line " + (n + 1) + ": " + f.length + " fields, expected " + header.size());
            }
            try {
                out.putIfAbsent(f[col[0]], new Entry(f[col[0]], f[col[1]], f[col[2]], f[col[3]], f[col[4]],
                        Double.parseDouble(f[col[5]]), Double.parseDouble(f[col[6]]), Double.parseDouble(f[col[7]])));
            } catch (NumberFormatException e) {
                throw MaxdnnException.badInput(file + " line " + (n + 1) + ": bad number (" + e.getMessage() + ")");
            }
        }
        return new EvoApproxCatalog(file, Collections.unmodifiableMap(out));
    }

    public Entry get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw MaxdnnException.badInput("circuit " + name + " is not in " + file);
        }
        return e;
    }

    public int size() {
        return entries.size();
    }
}
