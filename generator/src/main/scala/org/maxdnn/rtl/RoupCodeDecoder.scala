package org.maxdnn.rtl

import chisel3._

/**
 * The configurable PE's datapath settings, decoded once at weight load from its code
 * ([[RoupCodeDecoder]]) and held in the weight register beside the Booth selects.
 */
class RoupSettings extends Bundle {
  /** 2^(R-1) for roup with R > 0, else 0 (9 bits). */
  val aRound = UInt(9.W)
  /** multiplicand bits kept: ~(2^R - 1) for roup, all ones for roupc (9 bits). */
  val aKeep = UInt(9.W)
  /** columns 0..6 kept (roupc removes columns < R). */
  val colKeep = UInt(RoupCodeDecoder.CutColumns.W)
  /** roupc's rounding constant 2^(R-1) when R > 2P (columns 0..6). */
  val cConst = UInt(RoupCodeDecoder.CutColumns.W)
}

/**
 * The hardware half of [[org.maxdnn.mult.RoupCode]] (the code's layout, its encoding and which
 * configurations it covers live there): the decoder of the 6-bit code {rounding (0 roup, 1 roupc),
 * P (2 bits), R (3 bits)}, `exact` being code 0.
 */
object RoupCodeDecoder {
  val CutColumns = 7

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
