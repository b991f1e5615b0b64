package org.maxdnn.rtl

import chisel3._
import org.maxdnn.array.ArrayConfig

/**
 * A gated PE with its two clock gates, as the gated array clocks it (SPEC §6.1): the weight gate
 * open on `load`, the data gate open on `enable` (valid data in an enabled column). What the
 * gate-level energy check simulates and `layout` places as one unit; in the array a row shares
 * one weight gate.
 */
class GatedPe(mult: PeMultiplier, psumInBits: Int, psumOutBits: Int) extends Module {
  override def desiredName: String = "GatedPe_" + mult.name
  private val operand = ArrayConfig.OPERAND_BITS.W

  val load = IO(Input(Bool()))
  val enable = IO(Input(Bool()))
  val weight = IO(Input(SInt(operand)))
  val code = if (mult.codeBits > 0) Some(IO(Input(UInt(mult.codeBits.W)))) else None
  val actIn = IO(Input(SInt(operand)))
  val psumIn = IO(Input(SInt(psumInBits.W)))
  val actOut = IO(Output(SInt(operand)))
  val psumOut = IO(Output(SInt(psumOutBits.W)))

  private val pe = Module(new ProcessingElement(mult, psumInBits, psumOutBits, gated = true))
  pe.weightClock.get := ClockGate("weightGate", clock, reset.asBool, load)
  pe.dataClock.get := ClockGate("dataGate", clock, reset.asBool, enable)
  pe.weight := weight
  pe.code.foreach(_ := code.get)
  pe.actIn := actIn
  pe.psumIn := psumIn
  actOut := pe.actOut
  psumOut := pe.psumOut
}
