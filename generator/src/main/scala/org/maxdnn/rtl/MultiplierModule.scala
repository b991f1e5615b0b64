package org.maxdnn.rtl

import chisel3._

/**
 * A fixed multiplier on its own, for synthesis and energy characterisation: a (activation, SInt 8)
 * × b (weight, SInt 8) → product, the PE's datapath without its registers (what the PE would store
 * for b, then the product).
 */
class MultiplierModule(mult: PeMultiplier) extends RawModule {
  require(mult.codeBits == 0, s"${mult.name} is configured at run time: it is a PE, not a standalone multiplier")
  override def desiredName: String = mult.name

  val a = IO(Input(SInt(8.W)))
  val b = IO(Input(SInt(8.W)))
  val product = IO(Output(SInt(mult.productBits.W)))

  product := mult.product(a, mult.load(b, 0.U))
}
