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

/** A trivial module proving the Chisel/firtool toolchain works. */
class Passthrough(width: Int) extends Module {
  val io = IO(new Bundle {
    val in = Input(UInt(width.W))
    val out = Output(UInt(width.W))
  })
  io.out := RegNext(io.in, 0.U)
}
