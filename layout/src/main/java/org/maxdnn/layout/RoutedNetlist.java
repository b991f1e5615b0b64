package org.maxdnn.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.sim.Netlist;

/**
 * The routed gate-level netlist qflow leaves ({@code TOP.rtlnopwr.v}: cells as placed and routed,
 * no power pins) read as a {@link Netlist}. Yosys parses it with the liberty's cells as black boxes;
 * every cell is kept, and its {@code vdd}/{@code gnd} wires become the constants 1 and 0. Fill cells
 * (no pins; osu018's FILL is not even in the liberty) are left out.
 */
public final class RoutedNetlist {
    private RoutedNetlist() {
    }

    /** Reads {@code verilog} (top module {@code top}) into {@code dir/routed.json} and parses it. */
    public static Netlist read(Path verilog, String top, Path liberty, Path dir) {
        if (!Files.isRegularFile(verilog)) {
            throw MaxdnnException.badInput("routed netlist " + verilog + " does not exist");
        }
        String script = "read_liberty -lib \"" + liberty.toAbsolutePath() + "\"\n"
                + "read_verilog \"" + verilog.toAbsolutePath() + "\"\n"
                + "hierarchy -top " + top + "\n"
                + "setattr -set keep 1 t:*\n" // keep every placed cell (dead buffers, fill) ...
                + "opt_clean\n" // ... while vdd/gnd resolve to constants
                + "write_json routed.json\n";
        AtomicFiles.writeString(dir.resolve("routed.ys"), script);
        ExternalTool.YOSYS.run(dir, 600, "-q", "-l", "routed-yosys.log", "-s", "routed.ys");
        Netlist n = Netlist.read(dir.resolve("routed.json"), top);
        List<Netlist.Cell> logic = n.cells().stream().filter(c -> !c.connections().isEmpty()).toList();
        return new Netlist(n.module(), n.ports(), logic, n.netNames());
    }
}
