package org.maxdnn.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Walks the routed wires of a DEF {@code NETS} section, one straight piece at a time.
 *
 * <p>Each net starts with {@code - NAME}; each {@code ROUTED}/{@code NEW} entry names a layer and lists
 * points {@code ( x y [ext] )} where {@code *} repeats the previous coordinate, optionally ending in a
 * via name (at the last point); consecutive points bound one piece. A point alone (a via and nothing else) is a piece of
 * length zero.
 */
final class DefRoutes {
    /** One straight piece of a routed wire, in database units; and the vias, where they are wanted. */
    interface Piece {
        void accept(String net, String layer, long x1, long y1, long x2, long y2);

        /** A via named {@code via} at the last point of a piece on {@code layer}. */
        default void via(String net, String layer, String via, long x, long y) {
        }
    }

    private static final Pattern UNITS = Pattern.compile("UNITS\\s+DISTANCE\\s+MICRONS\\s+(\\d+)\\s*;");

    private DefRoutes() {
    }

    /**
     * A DEF's database units per micron and where its NETS section runs.
     *
     * @param perUm database units per micron
     * @param start where the NETS section starts
     * @param end where it ends
     */
    record Nets(double perUm, int start, int end) {
    }

    /** {@code def}'s units and NETS section; a DEF without either is refused, {@code where} naming it. */
    static Nets nets(String def, String where) {
        Matcher u = UNITS.matcher(def);
        int start = def.indexOf("\nNETS ");
        int end = def.indexOf("\nEND NETS", Math.max(0, start));
        if (!u.find() || start < 0 || end < 0) {
            throw MaxdnnException.badInput(where + ": no UNITS or NETS section");
        }
        return new Nets(Double.parseDouble(u.group(1)), start, end);
    }

    /** Calls {@code piece} for every routed piece in {@code nets}; {@code where} names the DEF in errors. */
    static void forEach(String nets, String where, Piece piece) {
        String[] tokens = nets.split("\\s+");
        String net = null;
        String layer = null;
        boolean segment = false;
        boolean expectLayer = false;
        int points = 0;
        long lastX = 0;
        long lastY = 0;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (expectLayer) {
                layer = t;
                expectLayer = false;
                continue;
            }
            switch (t) {
                case "ROUTED", "NEW", "FIXED", "COVER" -> {
                    if (segment && points == 1) {
                        piece.accept(net, layer, lastX, lastY, lastX, lastY);
                    }
                    segment = true;
                    expectLayer = true;
                    points = 0;
                }
                case ";", "-" -> {
                    if (segment && points == 1) {
                        piece.accept(net, layer, lastX, lastY, lastX, lastY);
                    }
                    segment = false;
                    if (t.equals("-") && i + 1 < tokens.length) {
                        net = tokens[++i];
                    }
                }
                case "(" -> {
                    if (!segment) {
                        continue;
                    }
                    if (i + 2 >= tokens.length) {
                        throw MaxdnnException.badInput(where + ": truncated route point");
                    }
                    long x = tokens[i + 1].equals("*") ? lastX : coordinate(tokens[i + 1], where);
                    long y = tokens[i + 2].equals("*") ? lastY : coordinate(tokens[i + 2], where);
                    if (points > 0) {
                        piece.accept(net, layer, lastX, lastY, x, y);
                    }
                    lastX = x;
                    lastY = y;
                    points++;
                }
                default -> {
                    if (t.startsWith("+")) {
                        if (segment && points == 1) {
                            piece.accept(net, layer, lastX, lastY, lastX, lastY);
                        }
                        segment = false;
                    } else if (segment && points > 0 && tokens[i - 1].equals(")")) {
                        piece.via(net, layer, t, lastX, lastY);
                    }
                }
            }
        }
    }

    private static long coordinate(String token, String where) {
        try {
            return Math.round(Double.parseDouble(token));
        } catch (NumberFormatException e) {
            throw MaxdnnException.badInput(where + ": bad route coordinate '" + token + "'");
        }
    }
}
