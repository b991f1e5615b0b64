package org.maxdnn.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.LutMultiplier;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.ParameterColumns;
import org.maxdnn.mult.UnsignedTableMultiplier;

/**
 * The multiplier metric table of {@code maxdnn multipliers}: every configuration of the catalogue
 * (exact, the 64 ROUP configurations, any added family's) and, optionally, every table in a folder.
 * CSV columns {@code name}, the configurations' parameters ({@code P,R} for the toolkit's own
 * families, {@link ParameterColumns}), then {@code MED,NMED,MRED,EP,WCE,BIAS}, with a fixed number
 * format, so the checked-in golden copy can be compared as text.
 */
public final class MetricsTable {
    private static final String METRICS = ",MED,NMED,MRED,EP,WCE,BIAS";

    /** One row: a multiplier and its metrics; {@code unsigned} is set for tables only. */
    public record Row(MultiplierConfig config, ErrorMetrics signed, ErrorMetrics unsigned) {
    }

    private MetricsTable() {
    }

    /** Every configuration of the catalogue, in its order (exact, roup, then roupc, P-major, then added families). */
    public static List<Row> libraryRows(MultiplierRegistry registry) {
        return MultiplierCatalog.library().parallelStream()
                .map(c -> row(registry.get(c)))
                .toList();
    }

    /** The row of one multiplier; tables also get their unsigned-domain metrics. */
    public static Row row(Multiplier m) {
        return new Row(m.config(), ErrorMetrics.signed(m),
                m instanceof UnsignedTableMultiplier t ? ErrorMetrics.unsigned(t) : null);
    }

    /** Every {@code *.bin} table in {@code dir}, sorted by name. */
    public static List<Row> lutRows(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw MaxdnnException.badInput("table folder " + dir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".bin")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw MaxdnnException.badInput("table folder " + dir + " holds no .bin tables");
        }
        return files.parallelStream().map(f -> row(LutMultiplier.read(f))).toList();
    }

    public static String toCsv(List<Row> rows) {
        return toCsv(rows, ParameterColumns.forTable(rows.stream().map(Row::config).toList()));
    }

    /** The table with the given parameter columns. */
    public static String toCsv(List<Row> rows, ParameterColumns columns) {
        StringBuilder sb = new StringBuilder("name").append(columns.header(",")).append(METRICS).append('\n');
        for (Row r : rows) {
            ErrorMetrics m = r.signed();
            sb.append(r.config().name()).append(columns.values(r.config(), ",", ""))
                    .append(String.format(Locale.ROOT, ",%.6f,%.9f,%.9f,%.9f,%d,%.6f",
                            m.med(), m.nmed(), m.mred(), m.ep(), m.wce(), m.bias())).append('\n');
        }
        return sb.toString();
    }

    /** All rows as a JSON array: name, family, its parameters (P, R), signed metrics and (tables) unsigned metrics. */
    public static String toJson(List<Row> rows) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode out = json.createArrayNode();
        for (Row r : rows) {
            ObjectNode o = out.addObject();
            o.put("name", r.config().name());
            o.put("family", r.config().family().id());
            r.config().parameters().forEach(o::put);
            o.set("signed", json.valueToTree(r.signed()));
            if (r.unsigned() != null) {
                o.set("unsigned", json.valueToTree(r.unsigned()));
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixed-width table for people. */
    public static String toText(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %-8s %10s %10s %9s %8s %7s %9s%n",
                "name", "domain", "MED", "NMED", "MRED", "EP", "WCE", "BIAS"));
        for (Row r : rows) {
            line(sb, r.config().name(), "signed", r.signed());
            if (r.unsigned() != null) {
                line(sb, "", "unsigned", r.unsigned());
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, String domain, ErrorMetrics m) {
        sb.append(String.format(Locale.ROOT, "%-20s %-8s %10.3f %10.6f %8.4f%% %7.2f%% %7d %9.3f%n",
                name, domain, m.med(), m.nmed(), 100 * m.mred(), 100 * m.ep(), m.wce(), m.bias()));
    }
}
