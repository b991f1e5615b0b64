package org.maxdnn.rtl

import chisel3._
import chisel3.util.{Cat, Fill}

/**
 * The configurable datapath: every ROUP configuration chosen at run time by the settings decoded
 * at weight load (see [[RoupCodeDecoder]]). Perforated digits arrive with all selects 0; the rounded
 * multiplicand's low bits are masked to 0 and removed columns are ANDed with 0, so neither
 * switches.
 *
 * Unlike the fixed datapath it is written word-wide: each Booth row is one sign-extended 16-bit
 * word, the rows go through a tree of word-wide 3:2 carry-save adders (a row of full adders each)
 * and a final adder. A fixed configuration's constant folding needs the bit matrix; here nothing
 * is constant, and the word form simulates several times faster in Verilator, which evaluates a
 * word operation where the bit matrix costs one operation per dot.
 */
object ConfigurableRoupDatapath {
  val Width = RoupDatapath.Width

  def product(a: SInt, sel: Int => BoothSel, c: RoupSettings): UInt = {
    // a_R = (a + 2^(R-1)) & ~(2^R - 1) in 9 bits for roup; a for roupc (round = 0, keep = all ones)
    val a9 = a.pad(9).asUInt
    val ar = (a9 +% c.aRound) & c.aKeep
    val ar10 = Cat(ar(8), ar)
    val keep = Cat(Fill(Width - RoupCodeDecoder.CutColumns, 1.U(1.W)), c.colKeep)
    def signExtend(x: UInt, from: Int): UInt = Cat(Fill(Width - from, x(from - 1)), x)
    val rows = (0 until Booth.Digits).map { j =>
      val s = sel(j)
      // (|d_j|·a_R) ^ neg, 10 bits signed, sign-extended and placed at column 2j
      val mag = (Fill(10, s.one) & ar10) | (Fill(10, s.two) & (ar10 << 1)(9, 0))
      ((signExtend(mag ^ Fill(10, s.neg), 10) << (2 * j))(Width - 1, 0)) & keep
    }
    val negBits = Cat((0 until Width).reverse.map(i => if (i % 2 == 0 && i / 2 < Booth.Digits) sel(i / 2).neg else false.B))
    val constant = c.cConst.pad(Width)
    WordCarrySave.sum(rows ++ Seq(negBits & keep, constant), Width)
  }
}
