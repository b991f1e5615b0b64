package org.maxdnn.rtl

import chisel3._
import chisel3.experimental.ExtModule

/**
 * A latch-based clock gate (SPEC §6.1): `gated` pulses with `clock` in the cycles `enable` is high.
 * Its body is the hand-written `ClockGate.sv` of rtl-templates (latch + AND, mapped to the
 * liberty's cells; osu018 has no ICG cell), appended by [[RtlGenerator]]; under TOGGLE_COUNT it
 * counts the cycles it was open.
 */
class ClockGate extends ExtModule {
  val clock = IO(Input(Clock()))
  val reset = IO(Input(Bool()))
  val enable = IO(Input(Bool()))
  val gated = IO(Output(Clock()))
}

object ClockGate {
  /**
   * The clock of registers that take a value only when `enable` is high, under the instance name
   * `name`. The gate is open in reset too, so the registers behind it take their reset values.
   */
  def apply(name: String, clock: Clock, reset: Bool, enable: Bool): Clock = {
    val g = Module(new ClockGate).suggestName(name)
    g.clock := clock
    g.reset := reset
    g.enable := enable || reset
    g.gated
  }
}
