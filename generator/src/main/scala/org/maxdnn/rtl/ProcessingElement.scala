package org.maxdnn.rtl

import chisel3._
import chisel3.util.RegEnable
import org.maxdnn.array.ArrayConfig

/**
 * One weight-stationary processing element (SPEC §6): weight register (what `mult` stores at load),
 * activation pass-through register, the multiplier, adder, partial-sum register.
 * psumOut = reg(psumIn + f(actIn, w)), actOut = reg(actIn), the partial sums `psumInBits` and
 * `psumOutBits` wide (the array's [[org.maxdnn.array.ArrayConfig#psumBits]]). It does its arithmetic only through [[PeMultiplier]], so any multiplier fits
 * without a change here.
 */
class ProcessingElement(mult: PeMultiplier, psumInBits: Int, psumOutBits: Int) extends Module {
  override def desiredName: String = "PE_" + mult.name + (if (psumOutBits == ArrayConfig.OUTPUT_BITS) "" else
    s"_${psumInBits}to$psumOutBits")
  private val operand = ArrayConfig.OPERAND_BITS.W

  val actIn = IO(Input(SInt(operand)))
  val actOut = IO(Output(SInt(operand)))
  val psumIn = IO(Input(SInt(psumInBits.W)))
  val psumOut = IO(Output(SInt(psumOutBits.W)))
  val load = IO(Input(Bool()))
  val weight = IO(Input(SInt(operand)))
  val code = if (mult.codeBits > 0) Some(IO(Input(UInt(mult.codeBits.W)))) else None

  // after reset the register holds what loading weight 0 (code 0: exact) would store
  private val stored = RegEnable(mult.load(weight, code.getOrElse(0.U)), mult.load(0.S(operand), 0.U), load)
  private val product = mult.product(actIn, stored)

  actOut := RegNext(actIn, 0.S)
  psumOut := RegNext(psumIn.pad(psumOutBits) +% product.pad(psumOutBits), 0.S)

  // RT-level activity of the activation register, the multiplier output and the partial-sum register
  ToggleCounter.attach("act", actOut.asUInt, clock, reset.asBool)
  ToggleCounter.attach("product", product.asUInt, clock, reset.asBool)
  ToggleCounter.attach("psum", psumOut.asUInt, clock, reset.asBool)
}
