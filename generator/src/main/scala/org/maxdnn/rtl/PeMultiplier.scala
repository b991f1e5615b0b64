package org.maxdnn.rtl

import chisel3._

/**
 * The multiplier of a processing element, as Gemmini keeps its arithmetic behind one type class:
 * what the PE's weight register holds once a weight (and, if configurable, a code) is loaded, and
 * the product of a streamed activation with it. The [[ProcessingElement]] keeps the registers and
 * the adder and knows nothing else; a family with RTL is one implementation of this trait plus one
 * registration in [[PeMultipliers]].
 */
trait PeMultiplier {
  /** Names the hardware: the standalone multiplier module and the PE, `PE_<name>`. */
  def name: String

  /** Bits of the configuration code loaded with each weight; 0 for a fixed multiplier. */
  def codeBits: Int = 0

  /** Bits of the signed product. */
  def productBits: Int

  /** What the weight register stores for `weight` (signed int8) and `code` (`codeBits` wide, or 0). */
  def load(weight: SInt, code: UInt): UInt

  /** The product (`productBits`, signed) of activation `act` (signed int8) and the stored value. */
  def product(act: SInt, stored: UInt): SInt

  /** Hand-written modules the product instantiates (module name -> Verilog), emitted beside the design. */
  def externalVerilog: Map[String, String] = Map.empty

  /** True when perforation or rounding leaves operand bits unused by design (a lint waiver). */
  def dropsOperandBits: Boolean = false
}
