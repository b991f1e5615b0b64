// MAx-DNN Icarus cosimulation testbench for ${MODULE} (from IcarusHarness.sv in rtl-templates).
// The Verilator harness's command records (see ArrayHarness.java), read from +in=FILE; the partial
// sums go to +out=FILE as decimal text, one vector per line, and the cycle count as "C <cycles>".
// The array's vector ports (one Verilog port per element) are slices of the packed vectors below.
`timescale 1ns/1ps
module tb;
  localparam ROWS = ${ROWS}, COLS = ${COLS}, CODE_BITS = ${CODE_BITS};
  reg clock = 1'b0, reset = 1'b1, inValid = 1'b0, wloadEn = 1'b0;
  reg [${ROW_INDEX_BITS}-1:0] wloadRow = 0;
  wire outValid;
  reg [8*ROWS-1:0] inActs = 0;
  wire [8*ROWS-1:0] outActs;
  reg [8*COLS-1:0] wloadWeights = 0;
  reg [CODE_BITS*COLS-1:0] wloadCfgs = 0;
  reg [COLS-1:0] colEnables = 0;
  wire [32*COLS-1:0] outPsums;
  ${MODULE} dut (
    .clock(clock), .reset(reset), .inValid(inValid), .outValid(outValid),
    .wloadEn(wloadEn), .wloadRow(wloadRow)${PORTS}
  );
  reg [7:0] W [0:ROWS*COLS-1];
  reg [7:0] K [0:ROWS*COLS-1];
  integer fin, fout, cmd, n, i, r, c, sent, got;
  reg [63:0] cycles = 0;
  string inName, outName;
  task cycle; begin #1 clock = 1'b1; #1 clock = 1'b0; if (!reset) cycles = cycles + 1; end endtask
  function integer byteIn; begin byteIn = $fgetc(fin); end endfunction
  initial begin
    if (!$value$plusargs("in=%s", inName) || !$value$plusargs("out=%s", outName)) $fatal(1, "need +in= and +out=");
    fin = $fopen(inName, "rb"); fout = $fopen(outName, "w");
    cycle; cycle; reset = 1'b0;
    cmd = byteIn();
    while (cmd != -1 && cmd != 81) begin
      if (cmd == 76) begin
        for (i = 0; i < ROWS * COLS; i = i + 1) W[i] = byteIn();
        for (i = 0; i < ROWS * COLS; i = i + 1) K[i] = byteIn();
        for (c = 0; c < COLS; c = c + 1) colEnables[c] = byteIn() != 0;
        for (r = 0; r < ROWS; r = r + 1) begin
          wloadEn = 1'b1; wloadRow = r;
          for (c = 0; c < COLS; c = c + 1) begin
            wloadWeights[8*c +: 8] = W[r * COLS + c];
            wloadCfgs[CODE_BITS*c +: CODE_BITS] = K[r * COLS + c];
          end
          cycle;
        end
        wloadEn = 1'b0;
      end else if (cmd == 83) begin
        n = byteIn(); n = n | (byteIn() << 8); n = n | (byteIn() << 16); n = n | (byteIn() << 24);
        sent = 0; got = 0;
        while (got < n) begin
          if (outValid) begin
            for (c = 0; c < COLS; c = c + 1) begin
              if (c > 0) $fwrite(fout, " ");
              $fwrite(fout, "%0d", $signed(outPsums[32*c +: 32]));
            end
            $fwrite(fout, "\n");
            got = got + 1;
          end
          if (sent < n) begin
            inValid = 1'b1;
            for (r = 0; r < ROWS; r = r + 1) inActs[8*r +: 8] = byteIn();
            sent = sent + 1;
          end else inValid = 1'b0;
          cycle;
        end
      end else if (cmd == 67) $fwrite(fout, "C %0d\n", cycles);
      else $fatal(1, "bad command %0d", cmd);
      cmd = byteIn();
    end
    $fclose(fout);
    $finish;
  end
endmodule
