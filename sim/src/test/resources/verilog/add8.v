// Signed 8-bit adder with a 9-bit sum: a second, smaller design for the OpenSTA cross-check.
module add8(input signed [7:0] a, input signed [7:0] b, output signed [8:0] s);
  assign s = a + b;
endmodule
