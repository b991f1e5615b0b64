package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Removes the vias qrouter leaves that connect to nothing on one of their two layers.
 *
 * <p>Where one branch of a net ends on another of the same net, qrouter can drop a via at the junction
 * as if a cell pin were there: its metal1 landing pad (0.4 µm × 0.4 µm, 0.16 µm²) then touches neither
 * a wire of the net nor a cell's metal1, and magic flags "Metal1 area &lt; 20" (the 4×4 accelerator had
 * one). A via whose pad on a layer touches no wire, via pad or I/O pin of its net there, nor for
 * metal1 any cell's metal1 (pins and obstructions, placed from the cell LEF), carries no current:
 * dropping it leaves every connection as it was.
 */
public final class DanglingVias {
    private static final Pattern MACRO = Pattern.compile("(?ms)^MACRO\\s+(\\S+)\\s*$(.*?)^END\\s+\\1\\s*$");
    private static final Pattern SIZE = Pattern.compile("SIZE\\s+([\\d.]+)\\s+BY\\s+([\\d.]+)\\s*;");
    private static final Pattern COMPONENT = Pattern.compile(
            "(?m)^-\\s+\\S+\\s+(\\S+)\\s+\\+\\s+(?:PLACED|FIXED)\\s+\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s+(N|S|FN|FS)\\s*;");
    private static final Pattern PIN = Pattern.compile("-\\s+\\S+\\s+\\+\\s+NET\\s+(\\S+)[^;]*?\\+\\s+LAYER\\s+(\\S+)\\s+"
            + "\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s*\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s+\\+\\s+(?:PLACED|FIXED)\\s+"
            + "\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s+N\\b");
    /** Cells have metal on this layer only; where a via's pad on it touches a cell, that is a pin. */
    private static final String CELL_LAYER = "metal1";
    private static final long BUCKET = 1000;

    /**
     * The DEF with the dangling vias removed.
     *
     * @param def the DEF text
     * @param removed vias removed
     */
    public record Result(String def, int removed) {
    }

    private record Via(String net, String name, long x, long y) {
    }

    private DanglingVias() {
    }

    /** Removes the dangling vias of {@code def}, by the technology and cell {@code lef}; {@code where} names the DEF. */
    public static Result remove(String def, String lef, String where) {
        DefRoutes.Nets nets = DefRoutes.nets(def, where);
        double perUm = nets.perUm();
        int start = nets.start();
        int end = nets.end();
        TechLef tech = TechLef.parse(lef, perUm);
        Map<String, Long> widths = tech.widths();
        Map<String, Map<String, long[]>> pads = tech.viaPads();
        // every metal shape of every net, by net and layer, and the vias with their pads
        Map<String, Map<String, List<long[]>>> shapes = new HashMap<>();
        List<Via> vias = new ArrayList<>();
        DefRoutes.forEach(def.substring(start, end), where, new DefRoutes.Piece() {
            @Override
            public void accept(String net, String layer, long x1, long y1, long x2, long y2) {
                Long w = widths.get(layer);
                if (w != null && (x1 != x2 || y1 != y2)) {
                    add(shapes, net, layer, new long[] {Math.min(x1, x2) - w / 2, Math.min(y1, y2) - w / 2,
                            Math.max(x1, x2) + w / 2, Math.max(y1, y2) + w / 2, -1});
                }
            }

            @Override
            public void via(String net, String layer, String via, long x, long y) {
                if (pads.containsKey(via)) {
                    vias.add(new Via(net, via, x, y));
                    for (Map.Entry<String, long[]> p : pads.get(via).entrySet()) {
                        add(shapes, net, p.getKey(), placed(p.getValue(), x, y, vias.size() - 1));
                    }
                }
            }
        });
        int pinsStart = def.indexOf("\nPINS ");
        int pinsEnd = def.indexOf("\nEND PINS", Math.max(0, pinsStart));
        if (pinsStart >= 0 && pinsEnd >= 0) {
            Matcher p = PIN.matcher(def.substring(pinsStart, pinsEnd));
            while (p.find()) {
                long px = Long.parseLong(p.group(7));
                long py = Long.parseLong(p.group(8));
                add(shapes, p.group(1), p.group(2), new long[] {px + Long.parseLong(p.group(3)),
                        py + Long.parseLong(p.group(4)), px + Long.parseLong(p.group(5)), py + Long.parseLong(p.group(6)),
                        -1});
            }
        }
        // a via's pad dangles on a layer when nothing else of its net there touches it
        List<long[]> onCells = new ArrayList<>(); // metal1 pads to check against the cells
        Set<Integer> dangling = new HashSet<>();
        for (int i = 0; i < vias.size(); i++) {
            Via via = vias.get(i);
            for (Map.Entry<String, long[]> p : pads.get(via.name).entrySet()) {
                long[] pad = placed(p.getValue(), via.x, via.y, i);
                boolean touched = false;
                for (long[] s : shapes.get(via.net).getOrDefault(p.getKey(), List.of())) {
                    if (s[4] != i && touch(s, pad)) {
                        touched = true;
                        break;
                    }
                }
                if (!touched) {
                    if (p.getKey().equals(CELL_LAYER)) {
                        onCells.add(pad);
                    } else {
                        dangling.add(i);
                    }
                }
            }
        }
        Set<Integer> onACell = onCells(def, lef, perUm, onCells, where);
        for (long[] c : onCells) {
            if (!onACell.contains((int) c[4])) {
                dangling.add((int) c[4]);
            }
        }
        if (dangling.isEmpty()) {
            return new Result(def, 0);
        }
        Set<Via> drop = new HashSet<>();
        for (int i : dangling) {
            drop.add(vias.get(i));
        }
        int[] removed = {0};
        String edited = withoutVias(def.substring(start, end), drop, removed, where);
        return new Result(def.substring(0, start) + edited + def.substring(end), removed[0]);
    }

    /** The indices (element 4) of the {@code pads} that touch a placed cell's metal1. */
    private static Set<Integer> onCells(String def, String lef, double perUm, List<long[]> pads, String where) {
        Set<Integer> touched = new HashSet<>();
        if (pads.isEmpty()) {
            return touched;
        }
        Map<Long, List<long[]>> buckets = new HashMap<>();
        for (long[] p : pads) {
            for (long bx = Math.floorDiv(p[0], BUCKET); bx <= Math.floorDiv(p[2], BUCKET); bx++) {
                for (long by = Math.floorDiv(p[1], BUCKET); by <= Math.floorDiv(p[3], BUCKET); by++) {
                    buckets.computeIfAbsent(bx * 1_000_003L + by, k -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<String, long[]> sizes = new HashMap<>();
        Map<String, List<long[]>> metal = new HashMap<>();
        Matcher m = MACRO.matcher(lef);
        while (m.find()) {
            Matcher s = SIZE.matcher(m.group(2));
            if (s.find()) {
                sizes.put(m.group(1), new long[] {units(s.group(1), perUm), units(s.group(2), perUm)});
                metal.put(m.group(1), TechLef.rects(m.group(2), Set.of(CELL_LAYER), perUm).stream()
                        .map(Map.Entry::getValue).toList());
            }
        }
        int start = def.indexOf("\nCOMPONENTS ");
        int end = def.indexOf("\nEND COMPONENTS", Math.max(0, start));
        if (start < 0 || end < 0) {
            throw MaxdnnException.badInput(where + ": no COMPONENTS section");
        }
        String components = def.substring(start, end);
        Matcher c = COMPONENT.matcher(components);
        int read = 0;
        while (c.find()) {
            read++;
            long[] size = sizes.get(c.group(1));
            if (size == null) {
                throw MaxdnnException.badInput(where + ": cell " + c.group(1) + " is not in the LEF");
            }
            long ox = Long.parseLong(c.group(2));
            long oy = Long.parseLong(c.group(3));
            String orient = c.group(4);
            for (long[] r : metal.get(c.group(1))) {
                boolean flipX = orient.equals("S") || orient.equals("FN");
                boolean flipY = orient.equals("S") || orient.equals("FS");
                long x1 = flipX ? ox + size[0] - r[2] : ox + r[0];
                long x2 = flipX ? ox + size[0] - r[0] : ox + r[2];
                long y1 = flipY ? oy + size[1] - r[3] : oy + r[1];
                long y2 = flipY ? oy + size[1] - r[1] : oy + r[3];
                long[] placed = {x1, y1, x2, y2};
                for (long bx = Math.floorDiv(x1, BUCKET); bx <= Math.floorDiv(x2, BUCKET); bx++) {
                    for (long by = Math.floorDiv(y1, BUCKET); by <= Math.floorDiv(y2, BUCKET); by++) {
                        for (long[] p : buckets.getOrDefault(bx * 1_000_003L + by, List.of())) {
                            if (touch(p, placed)) {
                                touched.add((int) p[4]);
                            }
                        }
                    }
                }
            }
        }
        // a cell not read would leave the vias on its pins looking dangling
        long entries = components.lines().filter(line -> line.startsWith("- ")).count();
        if (read != entries) {
            throw MaxdnnException.badInput(where + ": " + (entries - read) + " of " + entries
                    + " components are not placed N, S, FN or FS; cannot tell which vias land on cells");
        }
        return touched;
    }

    /**
     * The NETS text with the via names of {@code drop} taken off the route lines that end in them, where
     * a wire is left (a line of one point is a via alone and stays); {@code removed[0]} counts them.
     */
    private static String withoutVias(String nets, Set<Via> drop, int[] removed, String where) {
        String[] lines = nets.split("\n", -1);
        String net = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.startsWith("- ")) {
                net = t.substring(2).split("\\s+")[0];
                continue;
            }
            int at = line.indexOf("ROUTED ");
            if (at < 0) {
                at = line.indexOf("NEW ");
            }
            if (at < 0 || net == null) {
                continue;
            }
            String piece = "NEW " + line.substring(line.indexOf(' ', at) + 1);
            String current = net;
            Via[] found = new Via[1];
            boolean[] wire = {false};
            DefRoutes.forEach(piece, where, new DefRoutes.Piece() {
                @Override
                public void accept(String n, String layer, long x1, long y1, long x2, long y2) {
                    wire[0] |= x1 != x2 || y1 != y2;
                }

                @Override
                public void via(String n, String layer, String via, long x, long y) {
                    Via candidate = new Via(current, via, x, y);
                    if (drop.contains(candidate)) {
                        found[0] = candidate;
                    }
                }
            });
            if (found[0] != null && wire[0]) {
                removed[0]++;
                lines[i] = line.replaceFirst("\\)\\s*" + Pattern.quote(found[0].name) + "(\\s*;?\\s*)$", ")$1");
            }
        }
        return String.join("\n", lines);
    }

    /** A via's pad {@code r} placed at (x, y), with its via's index (element 4). */
    private static long[] placed(long[] r, long x, long y, int via) {
        return new long[] {x + r[0], y + r[1], x + r[2], y + r[3], via};
    }

    /** Rectangles that overlap or abut are one piece of metal. */
    private static boolean touch(long[] a, long[] b) {
        return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    }

    private static void add(Map<String, Map<String, List<long[]>>> shapes, String net, String layer, long[] r) {
        shapes.computeIfAbsent(net, k -> new HashMap<>()).computeIfAbsent(layer, k -> new ArrayList<>()).add(r);
    }

    private static long units(String um, double perUm) {
        return Math.round(Double.parseDouble(um) * perUm);
    }
}
