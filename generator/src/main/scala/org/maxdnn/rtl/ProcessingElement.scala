package org.maxdnn.rtl

import chisel3._
import chisel3.util.RegEnable

/**
 * One weight-stationary processing element (SPEC §6): weight register (what `mult` stores at load),
 * activation pass-through register, the multiplier, int32 adder, partial-sum register.
 * psumOut = reg(psumIn + f(actIn, w)), actOut = reg(actIn). It does its arithmetic only through
 * [[PeMultiplier]], so any multiplier fits without a change here.
 */
class ProcessingElement(mult: PeMultiplier) extends Module {
  override def desiredName: String = "PE_" + mult.name

  val actIn = IO(Input(SInt(8.W)))
  val actOut = IO(Output(SInt(8.W)))
  val psumIn = IO(Input(SInt(32.W)))
  val psumOut = IO(Output(SInt(32.W)))
  val load = IO(Input(Bool()))
  val weight = IO(Input(SInt(8.W)))
  val code = if (mult.codeBits > 0) Some(IO(Input(UInt(mult.codeBits.W)))) else None

  // after reset the register holds what loading weight 0 (code 0: exact) would store
  private val stored = RegEnable(mult.load(weight, code.getOrElse(0.U)), mult.load(0.S(8.W), 0.U), load)
  private val product = mult.product(actIn, stored)

  actOut := RegNext(actIn, 0.S)
  psumOut := RegNext(psumIn +% product.pad(32), 0.S)

  // RT-level activity of the activation register, the multiplier output and the partial-sum register
  ToggleCounter.attach("act", actOut.asUInt, clock, reset.asBool)
  ToggleCounter.attach("product", product.asUInt, clock, reset.asBool)
  ToggleCounter.attach("psum", psumOut.asUInt, clock, reset.asBool)
}
