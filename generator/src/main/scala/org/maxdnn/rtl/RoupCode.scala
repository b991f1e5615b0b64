package org.maxdnn.rtl

import chisel3._
import org.maxdnn.MaxdnnException
import org.maxdnn.mult.{MultiplierConfig, RoupConfig}

/**
 * The configurable PE's datapath settings, decoded once at weight load from its [[RoupCode]] and
 * held in the weight register beside the Booth selects.
 */
class RoupSettings extends Bundle {
  /** 2^(R-1) for roup with R > 0, else 0 (9 bits). */
  val aRound = UInt(9.W)
  /** multiplicand bits kept: ~(2^R - 1) for roup, all ones for roupc (9 bits). */
  val aKeep = UInt(9.W)
  /** columns 0..6 kept (roupc removes columns < R). */
  val colKeep = UInt(RoupCode.CutColumns.W)
  /** roupc's rounding constant 2^(R-1) when R > 2P (columns 0..6). */
  val cConst = UInt(RoupCode.CutColumns.W)
}

/**
 * The 6-bit code a configurable PE loads with its weight: {family (0 roup, 1 roupc), P (2 bits),
 * R (3 bits)}; `exact` is code 0.
 */
object RoupCode {
  val Bits: Int = org.maxdnn.array.ArrayConfig.CONFIGURABLE_CODE_BITS
  val CutColumns = 7

  /** The configurations that have a code: exact, roup-pPrR, roupc-pPrR. */
  def supports(cfg: MultiplierConfig): Boolean = cfg == MultiplierConfig.EXACT || cfg.isInstanceOf[RoupConfig]

  /** The code of a configuration: family << 5 | P << 3 | R. */
  def code(cfg: MultiplierConfig): Int = cfg match {
    case MultiplierConfig.EXACT => 0
    case c: RoupConfig          => (if (c.columns) 1 << 5 else 0) | (c.p << 3) | c.r
    case _ => throw MaxdnnException.badInput(s"multiplier ${cfg.name} has no configuration code: the configurable " +
      "array runs exact, roup-pPrR and roupc-pPrR")
  }

  /** The configuration a code loads: exact for 0, else roup/roupc with its P and R. */
  def config(code: Int): MultiplierConfig = {
    if (code < 0 || code >= (1 << Bits)) throw MaxdnnException.badInput(s"configuration code $code is not $Bits bits")
    val p = (code >> 3) & 3
    val r = code & 7
    if (code == 0) MultiplierConfig.EXACT
    else if ((code & 32) != 0) RoupConfig.roupc(p, r)
    else RoupConfig.roup(p, r)
  }

  /** Decodes a code (hardware): the datapath settings and the perforation P. */
  def decode(code: UInt): (RoupSettings, UInt) = {
    val roupc = code(5)
    val p = code(4, 3)
    val r = code(2, 0)
    val c = Wire(new RoupSettings)
    // constant tables indexed by R: no shifter, no unused intermediate bits
    val lowMask = VecInit((0 until 8).map(k => ((1 << k) - 1).U(9.W)))(r) // 2^R - 1
    val half = VecInit((0 until 8).map(k => (if (k == 0) 0 else 1 << (k - 1)).U(9.W)))(r) // 2^(R-1)
    c.aRound := Mux(roupc, 0.U, half)
    c.aKeep := Mux(roupc, "h1ff".U(9.W), ~lowMask)
    c.colKeep := Mux(roupc, ~lowMask(CutColumns - 1, 0), ((1 << CutColumns) - 1).U)
    c.cConst := Mux(roupc && r > (p << 1), half(CutColumns - 1, 0), 0.U)
    (c, p)
  }
}
