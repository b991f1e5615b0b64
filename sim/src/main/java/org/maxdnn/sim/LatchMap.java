package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.io.AtomicFiles;

/**
 * A Yosys techmap of the generic latches ({@code $_DLATCH_P_}, {@code $_DLATCH_N_}) onto a
 * liberty's plain latch cell, which Yosys 0.23's {@code dfflibmap} leaves unmapped: the negative
 * one gets its enable inverted (an inverter cell after {@code abc}). The latch-based clock gate
 * (SPEC §6.1) is what needs it on a liberty without an ICG cell, such as osu018.
 */
public final class LatchMap {
    private static final Map<Path, String> TEXT = new ConcurrentHashMap<>();

    private LatchMap() {
    }

    /** Writes the map for {@code liberty} into {@code dir}; null when the liberty has no plain latch cell. */
    public static Path write(Path liberty, Path dir) {
        String text = TEXT.computeIfAbsent(liberty.toAbsolutePath(), LatchMap::text);
        if (text.isEmpty()) {
            return null;
        }
        Path file = dir.resolve("latch_map.v");
        AtomicFiles.writeString(file, text);
        return file;
    }

    private static String text(Path liberty) {
        for (LibertyCell c : Liberty.read(liberty).cells().values()) {
            LibertyCell.Latch l = c.latch();
            if (l == null || c.dontUse() || c.pin(l.enable()) == null || l.dataIn().variables().size() != 1) {
                continue;
            }
            String d = l.dataIn().variables().get(0);
            for (LibertyPin q : c.outputs()) {
                if (q.function() != null && q.function().variables().equals(java.util.List.of(l.state()))
                        && c.inputs().size() == 2 && c.pin(d) != null && follows(q.function())) {
                    String cell = String.format(Locale.ROOT, "  %s _TECHMAP_REPLACE_ (.%s(%%s), .%s(D), .%s(Q));%n",
                            c.name(), l.enable(), d, q.name());
                    return "// generic latches onto " + c.name() + " of " + liberty.getFileName() + " (MAx-DNN LatchMap)\n"
                            + "module \\$_DLATCH_P_ (input E, input D, output Q);\n" + String.format(cell, "E")
                            + "endmodule\n"
                            + "module \\$_DLATCH_N_ (input E, input D, output Q);\n  wire en;\n  \\$_NOT_ inv (.A(E), .Y(en));\n"
                            + String.format(cell, "en") + "endmodule\n";
                }
            }
        }
        return "";
    }

    /** True when a function of the state alone is the state itself, not its complement. */
    private static boolean follows(BooleanFunction f) {
        return f.eval(new long[] {-1L}, new long[f.stackSize() + 1]) == -1L;
    }
}
