// MAx-DNN Icarus testbench for the accelerator ${MODULE} (from AcceleratorBench.sv in rtl-templates).
// Reads the Verilator harness's host commands (see AcceleratorHarness.java) from +in=FILE and writes
// the responses to +out=FILE as text: a read word per line in hex, a run as "<cycles> <done>".
`timescale 1ns/1ps
module tb;
  reg clock = 1'b0, reset = 1'b1, hostWrite = 1'b0, hostRead = 1'b0;
  reg [31:0] hostAddress = 0, hostWriteData = 0;
  wire [31:0] hostReadData;
  wire done;
  ${MODULE} dut (
    .clock(clock), .reset(reset), .hostAddress(hostAddress), .hostWriteData(hostWriteData),
    .hostWrite(hostWrite), .hostRead(hostRead), .hostReadData(hostReadData), .done(done)
  );
  integer fin, fout, cmd, k;
  reg [31:0] addr, n, i;
  reg [63:0] limit, ran;
  string inName, outName;
  task cycle; begin #1 clock = 1'b1; #1 clock = 1'b0; end endtask
  task get32(output [31:0] v); begin v = 0; for (k = 0; k < 4; k = k + 1) v[8*k +: 8] = $fgetc(fin); end endtask
  initial begin
    if (!$value$plusargs("in=%s", inName) || !$value$plusargs("out=%s", outName)) $fatal(1, "need +in= and +out=");
    fin = $fopen(inName, "rb"); fout = $fopen(outName, "w");
    cycle; cycle; reset = 1'b0;
    cmd = $fgetc(fin);
    while (cmd != -1 && cmd != 81) begin
      if (cmd == 87) begin // 'W'
        get32(addr); get32(n);
        hostWrite = 1'b1;
        for (i = 0; i < n; i = i + 1) begin
          hostAddress = addr + i; get32(hostWriteData);
          cycle;
        end
        hostWrite = 1'b0;
      end else if (cmd == 82) begin // 'R'
        get32(addr); get32(n);
        hostRead = 1'b1;
        for (i = 0; i < n; i = i + 1) begin
          hostAddress = addr + i;
          cycle;
          $fwrite(fout, "%h\n", hostReadData);
        end
        hostRead = 1'b0;
      end else if (cmd == 71) begin // 'G'
        get32(limit[31:0]); get32(limit[63:32]);
        ran = 0;
        while (!done && ran < limit) begin cycle; ran = ran + 1; end
        $fwrite(fout, "%0d %0d\n", ran, done);
      end else $fatal(1, "bad command %0d", cmd);
      cmd = $fgetc(fin);
    end
    $fclose(fout);
    $finish;
  end
endmodule
