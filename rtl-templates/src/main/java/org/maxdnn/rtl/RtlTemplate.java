package org.maxdnn.rtl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written Verilog or C++ file of this module (a harness, a testbench, a sim-only helper),
 * read from the class path, its {@code ${NAME}} placeholders filled with what depends on a design.
 * A placeholder left unfilled, or a value given for none, is a bug in the caller.
 */
public final class RtlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private RtlTemplate() {
    }

    /** The file {@code name} as it is (no placeholders expected). */
    public static String text(String name) {
        try (InputStream in = RtlTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the class path (rtl-templates)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file {@code name} with every placeholder replaced by its value in {@code values}. */
    public static String fill(String name, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text(name));
        StringBuilder out = new StringBuilder();
        TreeSet<String> unused = new TreeSet<>(values.keySet());
        while (m.find()) {
            Object v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException(name + ": no value for ${" + m.group(1) + "}");
            }
            unused.remove(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v.toString()));
        }
        m.appendTail(out);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(name + " has no placeholder " + unused);
        }
        return out.toString();
    }
}
