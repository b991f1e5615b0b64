// Simulation-only switching-activity counter (SPEC §6): counts, at every rising clock edge out of
// reset, the bits of `sig` that differ from their value at the previous edge. The body exists only
// with `define TOGGLE_COUNT, so synthesis sees an empty module with no outputs and removes it.
// With +toggles=FILE on the simulator's command line every instance appends "<scope> <count>" to
// FILE at the end of simulation.
// verilator lint_off UNUSEDSIGNAL
// (without TOGGLE_COUNT the inputs are unused on purpose)
module ToggleCounter #(parameter WIDTH = 8) (
  input             clock,
  input             reset,
  input [WIDTH-1:0] sig
);
`ifdef TOGGLE_COUNT
  reg [WIDTH-1:0] last;
  reg [63:0]      count;
  string          path;
  integer         fd;
  always @(posedge clock) begin
    if (reset) begin
      last <= sig;
      count <= 64'd0;
    end else begin
      last <= sig;
      count <= count + 64'($countones(sig ^ last));
    end
  end
  final begin
    if ($value$plusargs("toggles=%s", path)) begin
      fd = $fopen(path, "a");
      $fwrite(fd, "%m %0d\n", count);
      $fclose(fd);
    end
  end
`endif
endmodule
// verilator lint_on UNUSEDSIGNAL
