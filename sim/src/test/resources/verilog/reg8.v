// An 8-bit register with a synchronous load enable (the PE's weight register), for the flip-flop simulation.
module reg8(input clock, input load, input [7:0] d, output reg [7:0] q);
  always @(posedge clock) if (load) q <= d;
endmodule
