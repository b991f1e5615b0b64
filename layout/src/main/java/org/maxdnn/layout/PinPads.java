package org.maxdnn.layout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Gives the routed DEF's I/O pins the metal minimum area before magic reads the layout.
 *
 * <p>qflow's place2def makes every signal pin a square one route wide (0.3 µm × 0.3 µm on osu018),
 * 0.09 µm². Where qrouter leaves such a pin through a via, the pin's metal is only the via's landing
 * pad (0.4 µm × 0.4 µm) and magic's DRC flags "Metal2/Metal3 area &lt; 20" (λ² at λ = 0.1 µm,
 * {@link #MIN_AREA_UM2}); a handful of pins per design do. Each such pin is lengthened on its own layer
 * away from the core, i.e. across the die edge it sits on: connectivity (LVS) and every route stay as
 * they were.
 *
 * <p>A pin that its own net's wire reaches on the pin's layer already has the area (pin and wire are one
 * shape) and is left alone: qrouter sometimes reaches a pin from outside the die, along the edge, and a
 * pad there would come within spacing of that wire or of another net's (the 4×4 accelerator had ten
 * such DRC errors, metal2 and metal3 spacing at its pins).
 */
public final class PinPads {
    /** Metal minimum area of the osu018 magic technology (SCN6M_SUBM.10: area 20 λ², λ = 0.1 µm). */
    public static final double MIN_AREA_UM2 = 0.2;
    private static final Pattern UNITS = Pattern.compile("UNITS\\s+DISTANCE\\s+MICRONS\\s+(\\d+)\\s*;");
    private static final Pattern DIE = Pattern.compile(
            "DIEAREA\\s*\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s*\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s*;");
    private static final Pattern PIN = Pattern.compile("-\\s+\\S+\\s+\\+\\s+NET\\s+(\\S+)[^;]*?"
            + "(\\+\\s+LAYER\\s+(\\S+)\\s+)\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s*\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)"
                    + "(\\s+\\+\\s+(?:PLACED|FIXED)\\s+\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s+N\\b)");

    /**
     * The padded DEF and how many pins were lengthened.
     *
     * @param def the DEF text
     * @param padded pins lengthened
     */
    public record Result(String def, int padded) {
    }

    private PinPads() {
    }

    /** Lengthens the north-oriented pins below {@code minAreaUm2} in {@code def}; {@code where} names it. */
    public static Result pad(String def, double minAreaUm2, String where) {
        Matcher u = UNITS.matcher(def);
        Matcher d = DIE.matcher(def);
        int start = def.indexOf("\nPINS ");
        int end = def.indexOf("\nEND PINS", Math.max(0, start));
        if (!u.find() || !d.find() || start < 0 || end < 0) {
            throw MaxdnnException.badInput(where + ": no UNITS, DIEAREA or PINS section");
        }
        double perUm = Double.parseDouble(u.group(1));
        long dieX1 = Long.parseLong(d.group(1));
        long dieY1 = Long.parseLong(d.group(2));
        long dieX2 = Long.parseLong(d.group(3));
        long dieY2 = Long.parseLong(d.group(4));
        double minArea = minAreaUm2 * perUm * perUm;
        Set<String> wired = wiredPins(def, start, end, minArea, where);
        Matcher m = PIN.matcher(def.substring(start, end));
        StringBuilder pins = new StringBuilder();
        int padded = 0;
        while (m.find()) {
            long x1 = Long.parseLong(m.group(4));
            long y1 = Long.parseLong(m.group(5));
            long x2 = Long.parseLong(m.group(6));
            long y2 = Long.parseLong(m.group(7));
            long px = Long.parseLong(m.group(9));
            long py = Long.parseLong(m.group(10));
            long w = x2 - x1;
            long h = y2 - y1;
            if ((double) w * h >= minArea || w <= 0 || h <= 0 || wired.contains(m.group(1))) {
                m.appendReplacement(pins, Matcher.quoteReplacement(m.group()));
                continue;
            }
            long left = px - dieX1;
            long right = dieX2 - px;
            long bottom = py - dieY1;
            long top = dieY2 - py;
            long nearest = Math.min(Math.min(left, right), Math.min(bottom, top));
            boolean horizontalEdge = nearest == bottom || nearest == top;
            long across = horizontalEdge ? w : h;
            // the length that reaches the minimum area, rounded up to a tenth of a micron
            long grid = Math.max(1, Math.round(perUm / 10));
            long length = (long) Math.ceil(minArea / across / grid) * grid;
            long extra = length - (horizontalEdge ? h : w);
            if (nearest == left) {
                x1 -= extra;
            } else if (nearest == right) {
                x2 += extra;
            } else if (nearest == bottom) {
                y1 -= extra;
            } else {
                y2 += extra;
            }
            padded++;
            String head = m.group().substring(0, m.start(2) - m.start());
            m.appendReplacement(pins, Matcher.quoteReplacement(String.format(Locale.ROOT, "%s%s( %d %d ) ( %d %d )%s",
                    head, m.group(2), x1, y1, x2, y2, m.group(8))));
        }
        m.appendTail(pins);
        return new Result(def.substring(0, start) + pins + def.substring(end), padded);
    }

    /**
     * The nets whose pin a wire of their own reaches on the pin's layer, long enough that pin and wire
     * together have {@code minArea} (database units²): a piece over the pin, of the pin's width,
     * extended by half that width at both ends as DEF routes are.
     */
    private static Set<String> wiredPins(String def, int start, int end, double minArea, String where) {
        Map<String, long[]> pins = new HashMap<>(); // net -> x, y, width, on layer
        Map<String, String> layers = new HashMap<>();
        Matcher m = PIN.matcher(def.substring(start, end));
        while (m.find()) {
            long w = Math.min(Long.parseLong(m.group(6)) - Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(7)) - Long.parseLong(m.group(5)));
            pins.put(m.group(1), new long[] {Long.parseLong(m.group(9)), Long.parseLong(m.group(10)), w});
            layers.put(m.group(1), m.group(3));
        }
        int netsStart = def.indexOf("\nNETS ");
        int netsEnd = def.indexOf("\nEND NETS", Math.max(0, netsStart));
        Set<String> wired = new HashSet<>();
        if (netsStart < 0 || netsEnd < 0) {
            return wired;
        }
        DefRoutes.forEach(def.substring(netsStart, netsEnd), where, (net, layer, x1, y1, x2, y2) -> {
            long[] p = pins.get(net);
            if (p == null || !layer.equals(layers.get(net))) {
                return;
            }
            long half = p[2] / 2; // qrouter may end a wire a unit beside the pin's centre
            boolean through = (x1 == x2 && Math.abs(x1 - p[0]) <= half
                            && Math.min(y1, y2) <= p[1] + half && p[1] - half <= Math.max(y1, y2))
                    || (y1 == y2 && Math.abs(y1 - p[1]) <= half
                            && Math.min(x1, x2) <= p[0] + half && p[0] - half <= Math.max(x1, x2));
            long length = Math.abs(x2 - x1) + Math.abs(y2 - y1);
            if (through && (double) (length + p[2]) * p[2] >= minArea) {
                wired.add(net);
            }
        });
        return wired;
    }
}
