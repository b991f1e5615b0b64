package org.maxdnn.rtl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.MultiplierConfig;

/** The JSON manifest beside an array's Verilog (SPEC §6), rendered from its {@link ArrayConfig}. */
public final class ArrayManifest {
    private ArrayManifest() {
    }

    public static String json(ArrayConfig d) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("protocolVersion", ArrayConfig.PROTOCOL_VERSION);
        root.put("module", d.moduleName());
        root.put("rows", d.rows());
        root.put("cols", d.cols());
        root.put("mode", d.isConfigurable() ? "configurable" : "fixed");
        root.put("clocking", d.gated() ? "gated: weight registers clocked on their row's load, each PE's data "
                + "registers while valid data passes it in an enabled column (latch-based clock gates)"
                : "plain: every register clocked every cycle");
        if (d.gated()) {
            ArrayNode widths = root.putArray("psumBits");
            for (int r = 0; r < d.rows(); r++) {
                widths.add(d.psumBits(r));
            }
        }
        root.put("latency", d.latency());
        root.put("loadCycles", d.loadCycles());
        root.put("accumulator", "int32, wrapping");
        if (d.isConfigurable()) {
            root.put("configCode", d.code().layout());
        } else {
            ArrayNode rows = root.putArray("configs");
            for (List<MultiplierConfig> row : d.fixedConfigs()) {
                ArrayNode r = rows.addArray();
                row.forEach(c -> r.add(c.name()));
            }
        }
        ObjectNode ports = root.putObject("ports");
        ports.put("clock", "input, rising edge");
        ports.put("reset", "input, synchronous, active high");
        ports.put("wloadEn", "input, load one row of weights this cycle");
        ports.put("wloadRow", "input [" + (d.rowIndexBits() - 1) + ":0], the row loaded");
        ports.put("wloadWeight_<c>", "input signed [7:0], c = 0.." + (d.cols() - 1));
        if (d.isConfigurable()) {
            ports.put("wloadCfg_<c>", "input [" + (d.codeBits() - 1) + ":0], c = 0.." + (d.cols() - 1));
        }
        if (d.gated()) {
            ports.put("colEnable_<c>", "input, column c takes part in the streams that follow (its data registers "
                    + "are clocked); set with the load, held while valid data is in flight");
        }
        ports.put("inValid", "input");
        ports.put("inAct_<r>", "input signed [7:0], r = 0.." + (d.rows() - 1) + ", unskewed");
        ports.put("outValid", "output, inValid delayed by latency");
        ports.put("outPsum_<c>", "output signed [" + (ArrayConfig.OUTPUT_BITS - 1) + ":0], deskewed"
                + (d.gated() ? " (undefined in a disabled column)" : ""));
        ports.put("outAct_<r>", "output signed [7:0], activation leaving the last column (skewed)");
        root.put("protocol", "load rows (wloadEn, wloadRow, wloadWeight_*) with no valid data in flight, then "
                + "stream one activation vector per cycle; output vector m = sum over r of "
                + "mult[r][c](inAct_r, W[r][c]) appears latency cycles after input vector m; every input is "
                + "registered at the boundary, so streaming may start the cycle after the last load row");
        try {
            return om.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
