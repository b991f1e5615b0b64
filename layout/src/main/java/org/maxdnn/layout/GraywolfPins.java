package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * The netlist file {@code TOP.pin} that qflow's {@code place2def.tcl} turns into the DEF's nets,
 * written from graywolf's input {@code TOP.cel} for a placement without graywolf's global routing.
 * graywolf writes {@code TOP.pin} only after its own global routing (eight rounds of channel
 * routing and track assignment: longer than the annealing on tens of thousands of cells, and
 * useless to qflow, which routes with qrouter). {@code place2def} reads from each line only the
 * net, the instance and the pin names, one net's lines together; graywolf's feedthrough pins
 * ({@code TW_PASS_THRU}) are left out, as {@code place2def} would skip them. The connections are
 * the synthesised ones, so the cell file must have no swap groups (graywolf would reassign the
 * sinks of a buffer tree among its buffers and write the result only after its global routing):
 * {@link QflowFlow} renames the buffer trees' nets before placement so that qflow makes none.
 */
public final class GraywolfPins {
    private GraywolfPins() {
    }

    /**
     * The {@code .pin} file of the netlist in {@code cel} (graywolf's cell file, as qflow's
     * {@code blif2cel.tcl} writes it): a line {@code NET 1 INSTANCE PIN 0 0 0 0 1} per pin, grouped
     * by net in the order nets first appear. {@code where} names the file in errors.
     */
    public static String fromCel(String cel, String where) {
        Map<String, List<String>> nets = new LinkedHashMap<>();
        String instance = null;
        int lineNo = 0;
        for (String line : cel.split("\n", -1)) {
            lineNo++;
            String[] t = line.trim().split("\\s+");
            if (t.length == 0 || t[0].isEmpty()) {
                continue;
            }
            if (t[0].equals("cell") && t.length >= 3) {
                instance = t[2];
            } else if (t[0].equals("pad") && t.length >= 4 && t[2].equals("name")) {
                instance = t[3];
            } else if (t[0].equals("pin")) {
                if (t.length < 5 || !t[1].equals("name") || !t[3].equals("signal")) {
                    throw MaxdnnException.badInput(where + ":" + lineNo + ": expected 'pin name PIN signal NET ...', got '"
                            + line.trim() + "'");
                }
                if (instance == null) {
                    throw MaxdnnException.badInput(where + ":" + lineNo + ": a pin before any cell or pad");
                }
                if (!t[4].equals("TW_PASS_THRU")) {
                    nets.computeIfAbsent(t[4], k -> new ArrayList<>()).add(instance + " " + t[2]);
                }
            }
        }
        if (nets.isEmpty()) {
            throw MaxdnnException.badInput(where + ": no cell pins (not a graywolf .cel file?)");
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> net : nets.entrySet()) {
            for (String pin : net.getValue()) {
                out.append(net.getKey()).append(" 1 ").append(pin).append(" 0 0 0 0 1\n");
            }
        }
        return out.toString();
    }
}
