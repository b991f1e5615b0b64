package org.maxdnn.rtl

import chisel3._

/** The three select signals of one radix-4 Booth digit (SPEC §3.2). */
class BoothSel extends Bundle {
  val neg = Bool()
  val one = Bool()
  val two = Bool()
}

/** Radix-4 Booth encoder for the signed 8-bit weight: four digits, j = 0..3. */
object Booth {
  val Digits = 4

  /** Select signals of digit j: group b[2j+1], b[2j], b[2j-1] (b[-1] = 0). */
  def encodeDigit(b: UInt, j: Int): BoothSel = {
    val hi = b(2 * j + 1)
    val mid = b(2 * j)
    val lo = if (j == 0) false.B else b(2 * j - 1)
    val s = Wire(new BoothSel)
    // a "111" group is digit 0: not negative
    s.neg := hi & !(mid & lo)
    s.one := mid ^ lo
    s.two := (hi & !mid & !lo) | (!hi & mid & lo)
    s
  }

  /** Digits j = 0..3 of an 8-bit weight. */
  def encode(b: UInt): Seq[BoothSel] = (0 until Digits).map(j => encodeDigit(b, j))
}
