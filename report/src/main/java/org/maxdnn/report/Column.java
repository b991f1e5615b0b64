package org.maxdnn.report;

import java.util.Locale;

/**
 * One column of a {@link Table}: a machine name (the CSV header), a label for readers (console and
 * HTML), a unit, and how its values are written. A number column formats its values with
 * {@code format} for readers (thousands grouped, a {@code %} or {@code x} unit after the value, any
 * other unit in the header) and with {@code csvFormat} in CSV (no grouping, no unit, often more
 * digits). A text column ({@code format} null) shows its values as they are.
 *
 * @param id        the CSV header: letters, digits, {@code _} and {@code .}, units in the name ({@code saving_pct})
 * @param label     the header readers see, without the unit
 * @param unit      "" for none; {@code %} and {@code x} follow each value, others stand in the header
 * @param format    a printf pattern of one number ({@code %d}, {@code %.1f}, {@code %.3g}), null for text
 * @param csvFormat the same for CSV, null for text
 */
public record Column(String id, String label, String unit, String format, String csvFormat) {
    public Column {
        if (id == null || !id.matches("[A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException("a column id is letters, digits, '_' or '.': " + id);
        }
        if ((format == null) != (csvFormat == null)) {
            throw new IllegalArgumentException(id + ": a number column has both formats, a text column neither");
        }
    }

    /** A column of text. */
    public static Column text(String id, String label) {
        return new Column(id, label, "", null, null);
    }

    /** A column of numbers, written with {@code format} for readers and in CSV alike. */
    public static Column number(String id, String label, String unit, String format) {
        return new Column(id, label, unit, format, format);
    }

    /** The same column with more (or fewer) digits in CSV. */
    public Column csv(String format) {
        return new Column(id, label, unit, this.format, format);
    }

    public boolean numeric() {
        return format != null;
    }

    /** The header readers see: the label, with a unit that does not follow the values in brackets. */
    public String heading() {
        return unit.isEmpty() || unitFollowsValue() ? label : label + " (" + unit + ")";
    }

    /** A cell as readers see it: numbers grouped by thousands and with a trailing unit, NaN as "n/a", null as "". */
    public String shown(Object cell) {
        if (!(cell instanceof Number n)) {
            return cell == null ? "" : cell.toString();
        }
        if (Double.isNaN(n.doubleValue())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, grouped(format), n) + (unitFollowsValue() ? unit : "");
    }

    /** A cell in CSV: numbers in {@code csvFormat}, NaN and null empty. */
    public String csvValue(Object cell) {
        if (!(cell instanceof Number n)) {
            return cell == null ? "" : cell.toString();
        }
        return Double.isNaN(n.doubleValue()) ? "" : String.format(Locale.ROOT, csvFormat, n);
    }

    private boolean unitFollowsValue() {
        return unit.equals("%") || unit.equals("x");
    }

    /** {@code %d} and {@code %.Nf} with thousands grouped; other patterns ({@code %.3g}) as given. */
    private static String grouped(String format) {
        return format.matches("%(\\.\\d+)?[df]") ? "%," + format.substring(1) : format;
    }
}
