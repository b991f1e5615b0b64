package org.maxdnn.mult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * A ROUP configuration (SPEC §3.2): Booth rows j &lt; P perforated and rounding R, of the multiplicand
 * ({@code roup-pPrR}) or of the partial-product columns ({@code roupc-pPrR}).
 *
 * @param columns true for column rounding (roupc), false for multiplicand rounding (roup)
 * @param p       Booth rows perforated, 0..3
 * @param r       rounding, 0..7
 */
public record RoupConfig(boolean columns, int p, int r) implements MultiplierConfig {
    public static final int MAX_P = 3;
    public static final int MAX_R = 7;

    private static final Pattern NAME = Pattern.compile("(roupc?)-p(\\d+)r(\\d+)");

    public RoupConfig {
        if (p < 0 || p > MAX_P) {
            throw MaxdnnException.badInput("perforation P=" + p + " is out of range 0.." + MAX_P);
        }
        if (r < 0 || r > MAX_R) {
            throw MaxdnnException.badInput("rounding R=" + r + " is out of range 0.." + MAX_R);
        }
    }

    public static RoupConfig roup(int p, int r) {
        return new RoupConfig(false, p, r);
    }

    public static RoupConfig roupc(int p, int r) {
        return new RoupConfig(true, p, r);
    }

    /** The 32 configurations of one rounding, P-major. */
    public static List<MultiplierConfig> all(boolean columns) {
        List<MultiplierConfig> out = new ArrayList<>();
        for (int p = 0; p <= MAX_P; p++) {
            for (int r = 0; r <= MAX_R; r++) {
                out.add(new RoupConfig(columns, p, r));
            }
        }
        return List.copyOf(out);
    }

    /** {@code roup-pPrR} ({@code roupc-pPrR} when {@code columns}), or null for another name. */
    static RoupConfig parse(boolean columns, String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || m.group(1).equals("roupc") != columns) {
            return null;
        }
        int p = Integer.parseInt(m.group(2));
        int r = Integer.parseInt(m.group(3));
        if (p > MAX_P || r > MAX_R) {
            throw MaxdnnException.badInput("multiplier '" + name + "': P must be 0.." + MAX_P + " and R 0.." + MAX_R);
        }
        return new RoupConfig(columns, p, r);
    }

    @Override
    public MultiplierFamily family() {
        return MultiplierFamilies.byId(RoupFamily.id(columns));
    }

    @Override
    public String name() {
        return (columns ? "roupc-p" : "roup-p") + p + "r" + r;
    }

    @Override
    public Map<String, Integer> parameters() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("P", p);
        out.put("R", r);
        return out;
    }

    @Override
    public boolean isExactByDefinition() {
        return p == 0 && r == 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
