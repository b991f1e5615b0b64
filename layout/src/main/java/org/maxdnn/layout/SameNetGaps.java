package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closes the gaps qrouter leaves between two shapes of one net on one layer that are closer than the
 * layer's spacing, by a wire of the net across the gap.
 *
 * <p>qrouter checks spacing between nets, not within one: where two branches of a net pass each other
 * on the same layer (a via's landing pad beside the net's own wire, say) the gap can be below the
 * spacing rule, and magic, which does not know nets, flags it ("Metal6 spacing &lt; 5" on the 4×4
 * accelerator). Joining the two shapes changes no connection (LVS stays as it was) and removes the
 * gap. Gaps between separate pieces of the net's metal on the layer are closed where their closest
 * points line up horizontally or vertically; the others are counted and left to DRC.
 */
public final class SameNetGaps {

    /**
     * The DEF with the gaps closed.
     *
     * @param def the DEF text
     * @param closed gaps closed by a wire
     * @param left gaps below spacing whose closest points do not line up (left as they were)
     */
    public record Result(String def, int closed, int left) {
    }

    /** A shape of a net on one layer: the route's centre line and the metal around it, database units. */
    private record Shape(long cx1, long cy1, long cx2, long cy2, long x1, long y1, long x2, long y2) {
    }

    private SameNetGaps() {
    }

    /**
     * Closes the same-net gaps in {@code def}'s NETS; widths, spacings and via pads come from the
     * technology {@code lef}; {@code where} names the DEF in errors.
     */
    public static Result close(String def, String lef, String where) {
        DefRoutes.Nets nets = DefRoutes.nets(def, where);
        double perUm = nets.perUm();
        int start = nets.start();
        int end = nets.end();
        TechLef tech = TechLef.parse(lef, perUm);
        Map<String, Map<String, List<Shape>>> shapes = new LinkedHashMap<>(); // net -> layer -> shapes
        DefRoutes.forEach(def.substring(start, end), where, new DefRoutes.Piece() {
            @Override
            public void accept(String net, String layer, long x1, long y1, long x2, long y2) {
                Long width = tech.widths().get(layer);
                if (tech.spacings().containsKey(layer) && (x1 != x2 || y1 != y2)) {
                    long h = width / 2;
                    add(shapes, net, layer, new Shape(x1, y1, x2, y2, Math.min(x1, x2) - h, Math.min(y1, y2) - h,
                            Math.max(x1, x2) + h, Math.max(y1, y2) + h));
                }
            }

            @Override
            public void via(String net, String layer, String via, long x, long y) {
                for (Map.Entry<String, long[]> p : tech.viaPads().getOrDefault(via, Map.of()).entrySet()) {
                    if (tech.spacings().containsKey(p.getKey())) {
                        long[] r = p.getValue();
                        add(shapes, net, p.getKey(), new Shape(x, y, x, y, x + r[0], y + r[1], x + r[2], y + r[3]));
                    }
                }
            }
        });
        Map<String, StringBuilder> joins = new HashMap<>();
        int closed = 0;
        int left = 0;
        for (Map.Entry<String, Map<String, List<Shape>>> net : shapes.entrySet()) {
            for (Map.Entry<String, List<Shape>> layer : net.getValue().entrySet()) {
                long spacing = tech.spacings().get(layer.getKey());
                List<Shape> list = layer.getValue();
                int[] part = new int[list.size()]; // shapes that touch are one piece of metal
                for (int i = 0; i < part.length; i++) {
                    part[i] = i;
                }
                for (int i = 0; i < list.size(); i++) {
                    for (int j = i + 1; j < list.size(); j++) {
                        if (gap(list.get(i), list.get(j)) == 0) {
                            part[find(part, j)] = find(part, i);
                        }
                    }
                }
                for (int i = 0; i < list.size(); i++) {
                    for (int j = i + 1; j < list.size(); j++) {
                        Shape a = list.get(i);
                        Shape b = list.get(j);
                        double g = gap(a, b);
                        if (find(part, i) == find(part, j) || g >= (double) spacing * spacing) {
                            continue;
                        }
                        long[] ax = closest(a.cx1, a.cx2, b.cx1, b.cx2);
                        long[] ay = closest(a.cy1, a.cy2, b.cy1, b.cy2);
                        if (ax[0] != ax[1] && ay[0] != ay[1]) {
                            left++;
                            continue;
                        }
                        closed++;
                        part[find(part, j)] = find(part, i);
                        joins.computeIfAbsent(net.getKey(), k -> new StringBuilder()).append(String.format(Locale.ROOT,
                                "\n  NEW %s ( %d %d ) ( %d %d )", layer.getKey(), ax[0], ay[0], ax[1], ay[1]));
                    }
                }
            }
        }
        if (joins.isEmpty()) {
            return new Result(def, 0, left);
        }
        StringBuilder out = new StringBuilder(def.length() + 64 * closed);
        int at = 0;
        Matcher n = Pattern.compile("\\n- (\\S+)").matcher(def).region(start, end);
        while (n.find()) {
            StringBuilder join = joins.get(n.group(1));
            if (join != null) {
                int semicolon = def.indexOf(';', n.end());
                out.append(def, at, semicolon).append(join).append(' ');
                at = semicolon;
            }
        }
        out.append(def, at, def.length());
        return new Result(out.toString(), closed, left);
    }

    /** The squared distance between two shapes' metal, database units²; 0 where they touch. */
    private static double gap(Shape a, Shape b) {
        double dx = Math.max(0, Math.max(a.x1, b.x1) - Math.min(a.x2, b.x2));
        double dy = Math.max(0, Math.max(a.y1, b.y1) - Math.min(a.y2, b.y2));
        return dx * dx + dy * dy;
    }

    private static int find(int[] part, int i) {
        while (part[i] != i) {
            part[i] = part[part[i]];
            i = part[i];
        }
        return i;
    }

    /** The closest coordinates of two intervals' ranges along one axis: one common value if they overlap. */
    private static long[] closest(long a1, long a2, long b1, long b2) {
        long aLo = Math.min(a1, a2);
        long aHi = Math.max(a1, a2);
        long bLo = Math.min(b1, b2);
        long bHi = Math.max(b1, b2);
        if (aHi < bLo) {
            return new long[] {aHi, bLo};
        }
        if (bHi < aLo) {
            return new long[] {aLo, bHi};
        }
        long common = (Math.max(aLo, bLo) + Math.min(aHi, bHi)) / 2;
        return new long[] {common, common};
    }

    private static void add(Map<String, Map<String, List<Shape>>> shapes, String net, String layer, Shape s) {
        shapes.computeIfAbsent(net, k -> new LinkedHashMap<>()).computeIfAbsent(layer, k -> new ArrayList<>()).add(s);
    }
}
