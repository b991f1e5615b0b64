package org.maxdnn.mult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * The one immutable description of a multiplier configuration, shared by the golden model, the
 * RTL generator and the energy flow. Parse it from a name with {@link #parse(String)}.
 *
 * @param family  which kind of multiplier
 * @param p       Booth rows perforated (0..3), 0 unless ROUP/ROUPC
 * @param r       rounding (0..7), 0 unless ROUP/ROUPC
 * @param lutName the table name for LUT and ALWANN (e.g. {@code mul8u_1JFF}), null otherwise
 */
public record MultiplierConfig(MultiplierFamily family, int p, int r, String lutName) {
    public static final int MAX_P = 3;
    public static final int MAX_R = 7;

    private static final Pattern ROUP_NAME = Pattern.compile("(roupc?)-p(\\d+)r(\\d+)");

    public static final MultiplierConfig EXACT = new MultiplierConfig(MultiplierFamily.EXACT, 0, 0, null);

    public MultiplierConfig {
        if (family == null) {
            throw new IllegalArgumentException("family is null");
        }
        boolean roup = family.isRoup();
        if (roup && (p < 0 || p > MAX_P)) {
            throw MaxdnnException.badInput("perforation P=" + p + " is out of range 0.." + MAX_P);
        }
        if (roup && (r < 0 || r > MAX_R)) {
            throw MaxdnnException.badInput("rounding R=" + r + " is out of range 0.." + MAX_R);
        }
        if (!roup && (p != 0 || r != 0)) {
            throw new IllegalArgumentException(family + " takes no P or R");
        }
        if (family.isTable() != (lutName != null)) {
            throw new IllegalArgumentException("a table name goes with LUT/ALWANN and only with them");
        }
    }

    public static MultiplierConfig roup(int p, int r) {
        return new MultiplierConfig(MultiplierFamily.ROUP, p, r, null);
    }

    public static MultiplierConfig roupc(int p, int r) {
        return new MultiplierConfig(MultiplierFamily.ROUPC, p, r, null);
    }

    public static MultiplierConfig lut(String name) {
        return new MultiplierConfig(MultiplierFamily.LUT, 0, 0, name);
    }

    public static MultiplierConfig alwann(String name) {
        return new MultiplierConfig(MultiplierFamily.ALWANN, 0, 0, name);
    }

    /** Parses {@code exact}, {@code roup-pPrR}, {@code roupc-pPrR}, {@code lut:NAME} or {@code alwann:NAME}. */
    public static MultiplierConfig parse(String name) {
        if (name == null) {
            throw MaxdnnException.badInput("missing multiplier name");
        }
        String n = name.trim();
        if (n.equals("exact")) {
            return EXACT;
        }
        int colon = n.indexOf(':');
        if (colon > 0 && (n.startsWith("lut:") || n.startsWith("alwann:"))) {
            String table = n.substring(colon + 1);
            if (table.isEmpty() || table.contains("/") || table.contains("\\")) {
                throw MaxdnnException.badInput("bad table multiplier name '" + name
                        + "': expected lut:NAME or alwann:NAME with NAME a file stem such as mul8u_1JFF");
            }
            return n.startsWith("lut:") ? lut(table) : alwann(table);
        }
        Matcher m = ROUP_NAME.matcher(n);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(2));
            int r = Integer.parseInt(m.group(3));
            if (p > MAX_P || r > MAX_R) {
                throw MaxdnnException.badInput("multiplier '" + name + "': P must be 0.." + MAX_P
                        + " and R 0.." + MAX_R);
            }
            return m.group(1).equals("roup") ? roup(p, r) : roupc(p, r);
        }
        throw MaxdnnException.badInput("unknown multiplier '" + name
                + "': expected exact, roup-pPrR, roupc-pPrR (P 0..3, R 0..7), lut:NAME or alwann:NAME");
    }

    public String name() {
        return switch (family) {
            case EXACT -> "exact";
            case ROUP -> "roup-p" + p + "r" + r;
            case ROUPC -> "roupc-p" + p + "r" + r;
            case LUT -> "lut:" + lutName;
            case ALWANN -> "alwann:" + lutName;
        };
    }

    /** True when the configuration computes a·b on every pair by construction. */
    public boolean isExactByDefinition() {
        return family == MultiplierFamily.EXACT
                || (family.isRoup() && p == 0 && r == 0);
    }

    /** The 32 configurations of one ROUP family, P-major. */
    public static List<MultiplierConfig> family(MultiplierFamily family) {
        List<MultiplierConfig> out = new ArrayList<>();
        for (int p = 0; p <= MAX_P; p++) {
            for (int r = 0; r <= MAX_R; r++) {
                out.add(new MultiplierConfig(family, p, r, null));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name();
    }
}
