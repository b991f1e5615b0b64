// Latch-based integrated clock gate (SPEC §6.1), for liberties without an ICG cell (osu018): a
// latch transparent while the clock is low holds `enable`, so the AND passes whole clock pulses
// only, glitch-free; synthesis maps it to the library's latch and AND cells. A gate with `enable`
// held low saves the clock energy of every register behind it (an enable multiplexer saves none).
// With `define TOGGLE_COUNT (simulation only) it counts the rising edges it passed out of reset and,
// with +toggles=FILE, appends "<scope> <count> open" to FILE at the end of simulation.
// verilator lint_off UNUSEDSIGNAL
// (without TOGGLE_COUNT, reset is unused on purpose)
module ClockGate (
  input  clock,
  input  reset,
  input  enable,
  output gated
);
  reg open;
  always_latch begin
    if (!clock) open = enable;
  end
  assign gated = clock & open;
`ifdef TOGGLE_COUNT
  reg [63:0] opened;
  string     path;
  integer    fd;
  always @(posedge clock) begin
    if (reset) opened <= 64'd0;
    else if (open) opened <= opened + 64'd1;
  end
  final begin
    if ($value$plusargs("toggles=%s", path)) begin
      fd = $fopen(path, "a");
      $fwrite(fd, "%m %0d open\n", opened);
      $fclose(fd);
    end
  end
`endif
endmodule
// verilator lint_on UNUSEDSIGNAL
