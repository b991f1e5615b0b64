// MAx-DNN gate-level activity check (from ActivityTestbench.v in rtl-templates): applies one input
// vector per time step to a synthesised netlist simulated with its liberty's cell models, and counts
// the toggles of every probed net (cell outputs and input-port bits) between consecutive vectors once
// each vector has settled; prints "TOGGLES <probe> <count>" per probe.
`timescale 1ns/1ps
module maxdnn_activity_tb;
${DECLARATIONS}
  ${MODULE} dut (${CONNECTIONS});
  wire [${WIDTH}-1:0] probe = {${PROBES}};
  reg [${WIDTH}-1:0] prev, diff;
  integer count [0:${WIDTH}-1];
  integer i, v;
  initial begin
    for (i = 0; i < ${WIDTH}; i = i + 1) count[i] = 0;
    #1;
    for (v = 0; v < ${VECTORS}; v = v + 1) begin
${APPLY}
      #1;
      if (v > 0) begin
        diff = probe ^ prev;
        for (i = 0; i < ${WIDTH}; i = i + 1) count[i] = count[i] + diff[i];
      end
      prev = probe;
    end
    for (i = 0; i < ${WIDTH}; i = i + 1) $display("TOGGLES %0d %0d", i, count[i]);
    $finish;
  end
endmodule
