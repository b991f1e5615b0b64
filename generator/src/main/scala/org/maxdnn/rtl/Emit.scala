package org.maxdnn.rtl

import chisel3._
import circt.stage.ChiselStage

/** Verilog emission with the firtool options of SPEC §6. */
object Emit {
  val FirtoolOptions: Array[String] = Array(
    "-disable-all-randomization",
    "-strip-debug-info",
    "--lowering-options=disallowLocalVariables,disallowPackedArrays,locationInfoStyle=none,omitVersionComment"
  )

  def verilog(gen: => RawModule): String =
    ChiselStage.emitSystemVerilog(gen, args = Array(), firtoolOpts = FirtoolOptions)
}
