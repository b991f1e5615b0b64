package org.maxdnn.rtl

import chisel3._
import chisel3.experimental.ExtModule

/**
 * An EvoApprox 8x8 unsigned multiplier as a black box, `module mul8u_NAME(A, B, O)`: its body is
 * the library's own Verilog from the asset folder, emitted beside the design by [[RtlGenerator]].
 * Port order (the asset folder's PROVENANCE.md): the table's activation drives B, the weight A.
 */
class EvoApproxCircuit(module: String) extends ExtModule {
  override def desiredName: String = module

  val A = IO(Input(UInt(8.W)))
  val B = IO(Input(UInt(8.W)))
  val O = IO(Output(UInt(16.W)))
}
