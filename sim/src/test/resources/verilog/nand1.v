// One NAND gate: the hand-checked case of the energy model.
module nand1(input a, input b, output y);
  assign y = ~(a & b);
endmodule
