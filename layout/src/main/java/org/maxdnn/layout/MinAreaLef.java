package org.maxdnn.layout;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * The technology LEF with the metal minimum-area rules that magic's DRC checks, which Debian's
 * osu018 LEF leaves out.
 *
 * <p>Without them qrouter cannot honour the rule, and qflow's osu018 setup forbids stacked vias
 * instead ({@code via_stacks=1}): where qrouter cannot move a stacked via aside ("Failed to remove
 * stacked via" in {@code route.log}) it leaves a via whose landing pad, 0.4 µm × 0.4 µm, is all the
 * metal there, and magic counts "Metal1/Metal2 area &lt; 20". Dense logic (a PE's partial-sum
 * adder, a whole array) left a few to dozens per layout. With an {@code AREA} per routing layer,
 * stacked vias allowed ({@code via stack all}) let qrouter extend every pad inside a stack to the
 * minimum area itself, and nothing is left to move.
 */
public final class MinAreaLef {
    /**
     * Metal minimum area per routing layer in µm², from the osu018 magic technology
     * (SCN6M_SUBM.10: 20 λ² for metal1–5, 56 λ² for metal6, λ = 0.1 µm).
     */
    static final Map<String, Double> MIN_AREA_UM2 = Map.of("metal1", PinPads.MIN_AREA_UM2,
            "metal2", PinPads.MIN_AREA_UM2, "metal3", PinPads.MIN_AREA_UM2, "metal4", PinPads.MIN_AREA_UM2,
            "metal5", PinPads.MIN_AREA_UM2, "metal6", 0.56);
    private static final Pattern LAYER = Pattern.compile("(?ms)^LAYER\\s+(\\S+)\\s*$(.*?)(^END\\s+\\1\\s*$)");
    private static final Pattern ROUTING = Pattern.compile("(?m)^\\s*TYPE\\s+ROUTING\\s*;");
    private static final Pattern AREA = Pattern.compile("(?m)^\\s*AREA\\s");

    private MinAreaLef() {
    }

    /**
     * {@code lef} with an {@code AREA} statement added to each routing layer of {@link #MIN_AREA_UM2}
     * that has none; {@code where} names the file in errors. Every one of those layers must be there.
     */
    public static String withMinArea(String lef, String where) {
        Matcher m = LAYER.matcher(lef);
        StringBuilder out = new StringBuilder();
        int found = 0;
        while (m.find()) {
            Double area = MIN_AREA_UM2.get(m.group(1));
            String body = m.group(2);
            if (area != null && ROUTING.matcher(body).find()) {
                found++;
                if (!AREA.matcher(body).find()) {
                    body += String.format(Locale.ROOT, "  AREA\t\t%s ;\n", area);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(lef.substring(m.start(), m.start(2)) + body + m.group(3)));
        }
        m.appendTail(out);
        if (found != MIN_AREA_UM2.size()) {
            throw MaxdnnException.badInput(where + ": expected the routing layers " + new java.util.TreeSet<>(MIN_AREA_UM2.keySet())
                    + ", found " + found + " of them");
        }
        return out.toString();
    }
}
