package org.maxdnn.cosim;

import java.nio.file.Path;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;

/**
 * The Icarus Verilog testbench of an array: the same command records as the Verilator harness
 * ({@link ArrayHarness}), read from the file {@code +in=FILE}, driving the array cycle by cycle the
 * same way; the partial sums go to {@code +out=FILE} as decimal text, one vector per line, and a
 * cycle count as a line {@code C <cycles>}.
 * Compiled once per design with {@code iverilog -g2012} and cached like the Verilator build.
 */
public final class IcarusHarness {
    private IcarusHarness() {
    }

    static String source(ArrayConfig d) {
        int rows = d.rows();
        int cols = d.cols();
        boolean codes = d.isConfigurable();
        StringBuilder s = new StringBuilder();
        s.append("// MAx-DNN Icarus cosimulation testbench for ").append(d.moduleName()).append(" (generated)\n");
        s.append("`timescale 1ns/1ps\nmodule tb;\n");
        s.append("  reg clock = 1'b0, reset = 1'b1, inValid = 1'b0, wloadEn = 1'b0;\n");
        s.append("  reg [").append(d.rowIndexBits() - 1).append(":0] wloadRow = 0;\n  wire outValid;\n");
        StringBuilder ports = new StringBuilder("    .clock(clock), .reset(reset), .inValid(inValid), .outValid(outValid),\n"
                + "    .wloadEn(wloadEn), .wloadRow(wloadRow)");
        for (int r = 0; r < rows; r++) {
            s.append("  reg [7:0] inAct_").append(r).append(" = 8'd0;\n  wire [7:0] outAct_").append(r).append(";\n");
            ports.append(",\n    .inAct_").append(r).append("(inAct_").append(r).append("), .outAct_").append(r)
                    .append("(outAct_").append(r).append(")");
        }
        for (int c = 0; c < cols; c++) {
            s.append("  reg [7:0] wloadWeight_").append(c).append(" = 8'd0;\n  wire [31:0] outPsum_").append(c).append(";\n");
            ports.append(",\n    .wloadWeight_").append(c).append("(wloadWeight_").append(c).append("), .outPsum_")
                    .append(c).append("(outPsum_").append(c).append(")");
            if (codes) {
                s.append("  reg [5:0] wloadCfg_").append(c).append(" = 6'd0;\n");
                ports.append(", .wloadCfg_").append(c).append("(wloadCfg_").append(c).append(")");
            }
        }
        s.append("  ").append(d.moduleName()).append(" dut (\n").append(ports).append("\n  );\n");
        s.append("  reg [7:0] W [0:").append(rows * cols - 1).append("];\n");
        s.append("  reg [7:0] K [0:").append(rows * cols - 1).append("];\n");
        s.append("  integer fin, fout, cmd, n, i, r, sent, got;\n  reg [63:0] cycles = 0;\n  string inName, outName;\n");
        s.append("  task cycle; begin #1 clock = 1'b1; #1 clock = 1'b0; if (!reset) cycles = cycles + 1; end endtask\n");
        s.append("  function integer byteIn; begin byteIn = $fgetc(fin); end endfunction\n");
        s.append("  initial begin\n");
        s.append("    if (!$value$plusargs(\"in=%s\", inName) || !$value$plusargs(\"out=%s\", outName)) $fatal(1, \"need +in= and +out=\");\n");
        s.append("    fin = $fopen(inName, \"rb\"); fout = $fopen(outName, \"w\");\n");
        s.append("    cycle; cycle; reset = 1'b0;\n");
        s.append("    cmd = byteIn();\n    while (cmd != -1 && cmd != 81) begin\n");
        s.append("      if (cmd == 76) begin\n");
        s.append("        for (i = 0; i < ").append(rows * cols).append("; i = i + 1) W[i] = byteIn();\n");
        s.append("        for (i = 0; i < ").append(rows * cols).append("; i = i + 1) K[i] = byteIn();\n");
        s.append("        for (r = 0; r < ").append(rows).append("; r = r + 1) begin\n");
        s.append("          wloadEn = 1'b1; wloadRow = r;\n");
        for (int c = 0; c < cols; c++) {
            s.append("          wloadWeight_").append(c).append(" = W[r * ").append(cols).append(" + ").append(c).append("];");
            if (codes) {
                s.append(" wloadCfg_").append(c).append(" = K[r * ").append(cols).append(" + ").append(c).append("];");
            }
            s.append("\n");
        }
        s.append("          cycle;\n        end\n        wloadEn = 1'b0;\n");
        s.append("      end else if (cmd == 83) begin\n");
        s.append("        n = byteIn(); n = n | (byteIn() << 8); n = n | (byteIn() << 16); n = n | (byteIn() << 24);\n");
        s.append("        sent = 0; got = 0;\n        while (got < n) begin\n");
        s.append("          if (outValid) begin\n            $fwrite(fout, \"");
        s.append("%0d ".repeat(cols).strip()).append("\\n\"");
        for (int c = 0; c < cols; c++) {
            s.append(", $signed(outPsum_").append(c).append(")");
        }
        s.append(");\n            got = got + 1;\n          end\n");
        s.append("          if (sent < n) begin\n            inValid = 1'b1;\n");
        for (int r = 0; r < rows; r++) {
            s.append("            inAct_").append(r).append(" = byteIn();\n");
        }
        s.append("            sent = sent + 1;\n          end else inValid = 1'b0;\n");
        s.append("          cycle;\n        end\n");
        s.append("      end else if (cmd == 67) $fwrite(fout, \"C %0d\\n\", cycles);\n");
        s.append("      else $fatal(1, \"bad command %0d\", cmd);\n");
        s.append("      cmd = byteIn();\n    end\n    $fclose(fout);\n    $finish;\n  end\nendmodule\n");
        return s.toString();
    }

    /** The compiled testbench ({@code vvp} image) of {@code verilog}, built on demand under the cache folder. */
    public static Path build(ArrayConfig design, String verilog) {
        ExternalTool.IVERILOG.locate();
        ExternalTool.VVP.locate();
        String tb = source(design);
        Path dir = ArrayHarness.cacheRoot().resolve("icarus-" + ArrayHarness.hash(verilog, tb));
        Path image = dir.resolve("tb.vvp");
        return CacheFolder.built(dir, image, () -> {
            AtomicFiles.writeString(dir.resolve(design.moduleName() + ".sv"), verilog);
            AtomicFiles.writeString(dir.resolve("tb.sv"), tb);
            ExternalTool.IVERILOG.run(dir, 600, "-g2012", "-o", "tb.vvp", "-s", "tb", "tb.sv", design.moduleName() + ".sv");
        });
    }
}
