// Product of two signed bytes added to a third operand derived from them (a*b + (a ^ b)), with a
// small submodule so that synthesis must flatten a hierarchy.
module mac8_xor(input [7:0] x, input [7:0] y, output [7:0] z);
  assign z = x ^ y;
endmodule

module mac8(input signed [7:0] a, input signed [7:0] b, output signed [16:0] q);
  wire [7:0] t;
  mac8_xor u_xor(.x(a), .y(b), .z(t));
  assign q = a * b + $signed({{9{t[7]}}, t});
endmodule
