package org.maxdnn.layout;

import java.nio.file.Path;
import java.util.Locale;
import org.maxdnn.io.AtomicFiles;

/**
 * An OpenROAD-flow-scripts (ORFS) design folder for a design: {@code config.mk},
 * {@code constraint.sdc} and the Verilog, runnable where OpenROAD is installed with
 * {@code make DESIGN_CONFIG=.../config.mk} from ORFS's {@code flow} folder. It is generated only:
 * OpenROAD cannot be installed here (no Debian package; its build needs or-tools), so qflow is the
 * flow that runs. ORFS has no osu018 platform; the folder targets {@link #PLATFORM} (its clock unit
 * is ns), the open 130 nm library ORFS ships.
 */
public final class OpenRoadDesign {
    public static final String PLATFORM = "sky130hd";

    private OpenRoadDesign() {
    }

    /** Writes the folder {@code dir}; returns it. */
    public static Path write(LayoutDesign design, Path dir, double clockPeriodNs) {
        String verilog = design.top() + ".sv";
        AtomicFiles.writeString(dir.resolve(verilog), design.verilog());
        AtomicFiles.writeString(dir.resolve("config.mk"), configMk(design, verilog));
        AtomicFiles.writeString(dir.resolve("constraint.sdc"), constraintSdc(design.top(), clockPeriodNs));
        return dir;
    }

    static String configMk(LayoutDesign design, String verilog) {
        return "# OpenROAD-flow-scripts design " + design.name() + ", written by maxdnn layout (not run here).\n"
                + "# From ORFS's flow folder: make DESIGN_CONFIG=<this folder>/config.mk\n"
                + "MAXDNN_DESIGN_DIR := $(dir $(abspath $(lastword $(MAKEFILE_LIST))))\n"
                + "export PLATFORM         = " + PLATFORM + "\n"
                + "export DESIGN_NAME      = " + design.top() + "\n"
                + "export DESIGN_NICKNAME  = maxdnn_" + design.top().toLowerCase(Locale.ROOT) + "\n"
                + "export VERILOG_FILES    = $(MAXDNN_DESIGN_DIR)" + verilog + "\n"
                + "export SDC_FILE         = $(MAXDNN_DESIGN_DIR)constraint.sdc\n"
                + "export CORE_UTILIZATION = 40\n"
                + "export PLACE_DENSITY    = 0.60\n";
    }

    static String constraintSdc(String top, double clockPeriodNs) {
        return "# The clock of maxdnn layout's qflow run; inputs and outputs get 20 % of it.\n"
                + "current_design " + top + "\n"
                + "set clk_name core_clock\n"
                + "set clk_port_name clock\n"
                + String.format(Locale.ROOT, "set clk_period %.3f%n", clockPeriodNs)
                + "set clk_io_pct 0.2\n"
                + "set clk_port [get_ports $clk_port_name]\n"
                + "create_clock -name $clk_name -period $clk_period $clk_port\n"
                + "set non_clock_inputs [lsearch -inline -all -not -exact [all_inputs] $clk_port]\n"
                + "set_input_delay [expr $clk_period * $clk_io_pct] -clock $clk_name $non_clock_inputs\n"
                + "set_output_delay [expr $clk_period * $clk_io_pct] -clock $clk_name [all_outputs]\n";
    }
}
