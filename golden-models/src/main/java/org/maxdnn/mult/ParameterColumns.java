package org.maxdnn.mult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameter columns of a CSV or text table of configurations: every parameter name a
 * configuration has, in first-seen order (P, R for the toolkit's own families), so a family with
 * parameters of its own gets columns without the writer knowing it.
 *
 * @param names the column names
 */
public record ParameterColumns(List<String> names) {
    public ParameterColumns {
        names = List.copyOf(names);
    }

    /** The parameters of {@code configs}. */
    public static ParameterColumns of(Collection<? extends MultiplierConfig> configs) {
        Set<String> names = new LinkedHashSet<>();
        configs.forEach(c -> names.addAll(c.parameters().keySet()));
        return new ParameterColumns(List.copyOf(names));
    }

    /**
     * The columns of a table of {@code rows}: the catalogue's parameters and any the rows add, so
     * a table's header does not depend on which rows it holds.
     */
    public static ParameterColumns forTable(Collection<? extends MultiplierConfig> rows) {
        List<MultiplierConfig> all = new ArrayList<>(MultiplierCatalog.library());
        all.addAll(rows);
        return of(all);
    }

    /** The names joined with {@code separator}, each preceded by it (nothing when there are none). */
    public String header(String separator) {
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append(separator).append(n));
        return out.toString();
    }

    /** {@code c}'s values, each preceded by {@code separator}; {@code missing} where it lacks the parameter. */
    public String values(MultiplierConfig c, String separator, String missing) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            Integer v = c.parameters().get(n);
            out.append(separator).append(v == null ? missing : v.toString());
        }
        return out.toString();
    }
}
