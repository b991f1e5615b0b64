package org.maxdnn.rtl

import chisel3._
import chisel3.util.{Cat, RegEnable}
import org.maxdnn.array.ArrayConfig

/**
 * One weight-stationary processing element (SPEC §6): weight register (what `mult` stores at load),
 * activation pass-through register, the multiplier, adder, partial-sum register.
 * psumOut = reg(psumIn + f(actIn, w)), actOut = reg(actIn), the partial sums `psumInBits` and
 * `psumOutBits` wide (the array's [[org.maxdnn.array.ArrayConfig#psumBits]]). It does its
 * arithmetic only through [[PeMultiplier]], so any multiplier fits without a change here.
 *
 * A gated PE (SPEC §6.1) has no load enable: its weight register runs on `weightClock`, which the
 * array's clock gate opens on the PE's row loads only, and its activation and partial-sum registers
 * on `dataClock`, open while valid data passes the PE's column. Its partial sum's `lowZeros` lowest
 * bits, 0 in every sum its column can make, are constants, not register bits.
 */
class ProcessingElement(mult: PeMultiplier, psumInBits: Int, psumOutBits: Int, gated: Boolean, lowZeros: Int = 0)
    extends Module {
  require(lowZeros == 0 || gated, "only the gated PE drops constant partial-sum bits")
  override def desiredName: String = "PE_" + mult.name + (if (gated) s"_gated_${psumInBits}to$psumOutBits" else "") +
    (if (lowZeros > 0) s"_z$lowZeros" else "")
  private val operand = ArrayConfig.OPERAND_BITS.W

  val actIn = IO(Input(SInt(operand)))
  val actOut = IO(Output(SInt(operand)))
  val psumIn = IO(Input(SInt(psumInBits.W)))
  val psumOut = IO(Output(SInt(psumOutBits.W)))
  val load = if (gated) None else Some(IO(Input(Bool())))
  val weightClock = if (gated) Some(IO(Input(Clock()))) else None
  val dataClock = if (gated) Some(IO(Input(Clock()))) else None
  val weight = IO(Input(SInt(operand)))
  val code = if (mult.codeBits > 0) Some(IO(Input(UInt(mult.codeBits.W)))) else None

  // after reset the register holds what loading weight 0 (code 0: exact) would store
  private val loaded = mult.load(weight, code.getOrElse(0.U))
  private val initial = mult.load(0.S(operand), 0.U)
  private val stored = weightClock match {
    case Some(clk) => withClock(clk) { RegNext(loaded, initial) }
    case None => RegEnable(loaded, initial, load.get)
  }
  private val product = mult.product(actIn, stored)

  withClock(dataClock.getOrElse(clock)) {
    actOut := RegNext(actIn, 0.S)
    val sum = psumIn.pad(psumOutBits) +% product.pad(psumOutBits)
    psumOut := (if (lowZeros == 0) RegNext(sum, 0.S)
    else Cat(RegNext(sum(psumOutBits - 1, lowZeros), 0.U), 0.U(lowZeros.W)).asSInt)
  }

  // RT-level activity of the activation register, the multiplier output and the partial-sum register
  ToggleCounter.attach("act", actOut.asUInt, clock, reset.asBool)
  ToggleCounter.attach("product", product.asUInt, clock, reset.asBool)
  ToggleCounter.attach("psum", psumOut.asUInt, clock, reset.asBool)
}
