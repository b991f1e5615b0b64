package org.maxdnn.rtl

import chisel3._
import chisel3.experimental.{ExtModule, IntParam}

/**
 * A simulation-only switching-activity counter on `sig` (SPEC §6). Its body is the hand-written
 * `ToggleCounter.sv` of rtl-templates, appended by [[RtlGenerator]]: empty unless TOGGLE_COUNT is
 * defined, so it never reaches synthesis.
 */
class ToggleCounter(width: Int) extends ExtModule(Map("WIDTH" -> IntParam(width))) {
  val clock = IO(Input(Clock()))
  val reset = IO(Input(Bool()))
  val sig = IO(Input(UInt(width.W)))
}

object ToggleCounter {
  /** The architectural components of a PE that are counted, with the instance names used. */
  val Components: Seq[String] = Seq("act", "product", "psum")

  /** Counts the toggles of `sig` under the instance name `<component>Toggles`. */
  def attach(component: String, sig: UInt, clock: Clock, reset: Bool): Unit = {
    val c = Module(new ToggleCounter(sig.getWidth)).suggestName(component + "Toggles")
    c.clock := clock
    c.reset := reset
    c.sig := sig
  }
}
