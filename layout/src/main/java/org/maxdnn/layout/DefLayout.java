package org.maxdnn.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * What the routed DEF ({@code TOP.def}, written by qrouter) says about the layout: the die and the
 * total length of the signal routes.
 *
 * <p>The wire length is summed over the {@code NETS} section (special nets, i.e. power, excluded),
 * piece by piece ({@link DefRoutes}).
 *
 * @param dieWidthUm die width, µm
 * @param dieHeightUm die height, µm
 * @param components placed instances (fill cells included)
 * @param nets signal nets
 * @param wireLengthUm total routed signal wire length, µm
 */
public record DefLayout(double dieWidthUm, double dieHeightUm, int components, int nets, double wireLengthUm) {
    private static final Pattern UNITS = Pattern.compile("UNITS\\s+DISTANCE\\s+MICRONS\\s+(\\d+)\\s*;");
    private static final Pattern DIE = Pattern.compile(
            "DIEAREA\\s*\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s*\\(\\s*(-?\\d+)\\s+(-?\\d+)\\s*\\)\\s*;");
    private static final Pattern COUNT = Pattern.compile("(?m)^\\s*(COMPONENTS|NETS)\\s+(\\d+)\\s*;");

    public double dieAreaUm2() {
        return dieWidthUm * dieHeightUm;
    }

    /** Parses a DEF; {@code where} names it in errors. */
    public static DefLayout parse(String def, String where) {
        Matcher u = UNITS.matcher(def);
        if (!u.find()) {
            throw MaxdnnException.badInput(where + ": no 'UNITS DISTANCE MICRONS' line");
        }
        double perUm = Double.parseDouble(u.group(1));
        Matcher d = DIE.matcher(def);
        if (!d.find()) {
            throw MaxdnnException.badInput(where + ": no rectangular DIEAREA");
        }
        double w = (Long.parseLong(d.group(3)) - Long.parseLong(d.group(1))) / perUm;
        double h = (Long.parseLong(d.group(4)) - Long.parseLong(d.group(2))) / perUm;
        int components = -1;
        int nets = -1;
        Matcher c = COUNT.matcher(def);
        while (c.find()) {
            if (c.group(1).equals("COMPONENTS")) {
                components = Integer.parseInt(c.group(2));
            } else if (nets < 0) {
                nets = Integer.parseInt(c.group(2));
            }
        }
        int start = def.indexOf("\nNETS ");
        int end = def.indexOf("\nEND NETS", Math.max(0, start));
        if (components < 0 || nets < 0 || start < 0 || end < 0) {
            throw MaxdnnException.badInput(where + ": no COMPONENTS or NETS section");
        }
        return new DefLayout(w, h, components, nets, wireLength(def.substring(start, end), where) / perUm);
    }

    /** Σ Manhattan lengths of the routed segments in a NETS section, database units. */
    static double wireLength(String nets, String where) {
        double[] total = {0};
        DefRoutes.forEach(nets, where,
                (net, layer, x1, y1, x2, y2) -> total[0] += Math.abs(x2 - x1) + Math.abs(y2 - y1));
        return total[0];
    }
}
