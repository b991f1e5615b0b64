package org.maxdnn.rtl

import chisel3._
import chisel3.util.Cat
import java.nio.file.{Files, NoSuchFileException}
import org.maxdnn.{Assets, MaxdnnException}
import org.maxdnn.mult.MultiplierConfig

/**
 * A table multiplier `lut:NAME` or `alwann:NAME` in hardware: its EvoApprox circuit
 * ([[EvoApproxCircuit]]) on the unsigned codes a_u = a + 128 and b_u = b + 128, with the exact
 * TFApprox offset terms around it (SPEC §3.3): f(a, b) = U(a_u, b_u') − 128·a_u − 128·b_u + 16384
 * = U(a_u, b_u') − 128·(a + b_u), b_u' = b_u for lut and ALWANN's tuned code for alwann (SPEC §9),
 * looked up from a 256-entry table when the weight is loaded. The weight register holds b_u (for
 * the offset) and b_u'.
 *
 * @param tuned ALWANN's tuned code of each unsigned weight code, or None for lut
 */
final class TableCircuit(cfg: MultiplierConfig, verilog: String, tuned: Option[IndexedSeq[Int]]) extends PeMultiplier {
  override val name: String = TableCircuit.name(cfg)
  // U − 128·(a + b_u) lies in [−48896, 81919]
  override val productBits: Int = 18
  override val externalVerilog: Map[String, String] = Map(cfg.table -> verilog)

  override def load(weight: SInt, code: UInt): UInt = {
    val bu = weight.asUInt ^ 0x80.U(8.W)
    tuned match {
      case None    => bu
      case Some(t) => Cat(VecInit(t.map(_.U(8.W)))(bu), bu)
    }
  }

  override def product(act: SInt, stored: UInt): SInt = {
    val bu = stored(7, 0)
    val circuit = Module(new EvoApproxCircuit(cfg.table))
    circuit.A := (if (tuned.isDefined) stored(15, 8) else bu)
    circuit.B := act.asUInt ^ 0x80.U(8.W)
    val offset = (act.pad(10) +% Cat(0.U(2.W), bu).asSInt) << 7
    circuit.O.zext.pad(productBits) -% offset.pad(productBits)
  }
}

object TableCircuit {
  /** `Lut_mul8u_2AC`, `Alwann_mul8u_2AC`. */
  def name(cfg: MultiplierConfig): String =
    (if (cfg.tunesWeights) "Alwann_" else "Lut_") + cfg.table

  /** The library's Verilog of the circuit of `cfg` (module `mul8u_NAME(A, B, O)`), from the asset folder. */
  def libraryVerilog(cfg: MultiplierConfig, assets: Assets): String = {
    if (assets == null) {
      throw MaxdnnException.badInput(s"${cfg.name}: its circuit's Verilog comes from the asset folder (--assets or " +
        Assets.ENV + ")")
    }
    val file = assets.evoApproxVerilog().resolve(cfg.table + ".v")
    try Files.readString(file) catch {
      case _: NoSuchFileException => throw MaxdnnException.badInput(s"${cfg.name}: no circuit $file")
    }
  }
}
