// Behavioural model of the accelerator's memory black box (rtl-templates; docs/design/accelerator.md).
// One write port and one read port, both on the rising clock edge; read data appears the cycle after
// the read address (held while re is low). A real SRAM macro with these ports replaces this file.
module maxdnn_sram_1r1w #(parameter DEPTH = 16, WIDTH = 8, ADDR_BITS = 4) (
  input                  clock,
  input                  we,
  input  [ADDR_BITS-1:0] waddr,
  input  [WIDTH-1:0]     wdata,
  input                  re,
  input  [ADDR_BITS-1:0] raddr,
  output reg [WIDTH-1:0] rdata
);
  reg [WIDTH-1:0] mem [0:DEPTH-1];
  always @(posedge clock) begin
    if (we) mem[waddr] <= wdata;
    if (re) rdata <= mem[raddr];
  end
endmodule
