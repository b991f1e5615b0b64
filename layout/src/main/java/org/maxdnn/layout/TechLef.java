package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the routed DEF's touch-ups need of the technology LEF, in the DEF's database units: each routing
 * layer's wire width and spacing, and each via's metal pads.
 *
 * @param widths routing layer -> wire width
 * @param spacings routing layer -> minimum spacing (absent where the LEF gives none)
 * @param viaPads via -> routing layer -> pad rectangle around the via's centre (x1, y1, x2, y2)
 */
record TechLef(Map<String, Long> widths, Map<String, Long> spacings, Map<String, Map<String, long[]>> viaPads) {
    private static final Pattern LAYER = Pattern.compile("(?ms)^LAYER\\s+(\\S+)\\s*$(.*?)^END\\s+\\1\\s*$");
    private static final Pattern VIA = Pattern.compile("(?ms)^VIA\\s+(\\S+)[^\\n]*$(.*?)^END\\s+\\1\\s*$");
    private static final Pattern WIDTH = Pattern.compile("(?m)^\\s*WIDTH\\s+([\\d.]+)\\s*;");
    private static final Pattern SPACING = Pattern.compile("(?m)^\\s*SPACING\\s+([\\d.]+)\\s*;");
    private static final Pattern LAYER_OR_RECT = Pattern.compile(
            "LAYER\\s+(\\S+)\\s*;|RECT\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s+(-?[\\d.]+)\\s*;");

    /** Reads {@code lef} at {@code perUm} database units per micron. */
    static TechLef parse(String lef, double perUm) {
        Map<String, Long> widths = new HashMap<>();
        Map<String, Long> spacings = new HashMap<>();
        Matcher l = LAYER.matcher(lef);
        while (l.find()) {
            Matcher w = WIDTH.matcher(l.group(2));
            if (l.group(2).contains("ROUTING") && w.find()) {
                widths.put(l.group(1), units(w.group(1), perUm));
                Matcher s = SPACING.matcher(l.group(2));
                if (s.find()) {
                    spacings.put(l.group(1), units(s.group(1), perUm));
                }
            }
        }
        Map<String, Map<String, long[]>> pads = new HashMap<>();
        Matcher v = VIA.matcher(lef);
        while (v.find()) {
            Map<String, long[]> byLayer = new HashMap<>();
            for (Map.Entry<String, long[]> r : rects(v.group(2), widths.keySet(), perUm)) {
                byLayer.put(r.getKey(), r.getValue());
            }
            pads.put(v.group(1), byLayer);
        }
        return new TechLef(widths, spacings, pads);
    }

    /** The RECTs of a LEF {@code block} (a via, a macro's pins and obstructions) on {@code layers}, with their layer. */
    static List<Map.Entry<String, long[]>> rects(String block, Set<String> layers, double perUm) {
        List<Map.Entry<String, long[]>> all = new ArrayList<>();
        String layer = null;
        Matcher r = LAYER_OR_RECT.matcher(block);
        while (r.find()) {
            if (r.group(1) != null) {
                layer = r.group(1);
            } else if (layers.contains(layer)) {
                all.add(Map.entry(layer, new long[] {units(r.group(2), perUm), units(r.group(3), perUm),
                        units(r.group(4), perUm), units(r.group(5), perUm)}));
            }
        }
        return all;
    }

    private static long units(String um, double perUm) {
        return Math.round(Double.parseDouble(um) * perUm);
    }
}
