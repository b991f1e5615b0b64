package org.maxdnn.rtl

import chisel3._
import org.maxdnn.mult.RoupConfig

/**
 * The structural ROUP datapath (SPEC §3.2, §6) for a fixed configuration: multiplicand rounding,
 * partial-product rows of the surviving Booth digits only, column removal, a Dadda carry-save tree
 * and a final adder. The sum of the matrix is the reference `BoothPartialProducts.sum` modulo
 * 2^16, bit for bit, though the matrix is written in the usual hardware-economical form:
 *
 *  - sign extension: the top bit s of a row at column k < 15 is replaced by !s and the constant
 *    -2^k is added (s·(2^16 - 2^k) = !s·2^k - 2^k mod 2^16);
 *  - rounded multiplicand (roup, R > 0): a_R = ((a >> R) + a[R-1]) << R is never formed. Each row
 *    takes h = a >> R, placed R columns higher, and the rounding bit c = a[R-1] enters the matrix
 *    as one extra dot per row (d·(h + c) = (|d|·h ^ neg) + (neg ^ c)·|d|). With abc's generic
 *    gates this measured fewer cells than a (9-R)-bit incrementer forming a_R once for every (P, R)
 *    but R = 7 at P = 0, 2, 3 (Yosys 0.23, within 3 cells), so the incrementer form was dropped.
 */
object RoupDatapath {
  val Width = 16

  private def and(s: Bool, x: Option[Bool]): Option[Bool] = x.map(s & _)

  private def or(x: Option[Bool], y: Option[Bool]): Option[Bool] = (x, y) match {
    case (Some(p), Some(q)) => Some(p | q)
    case (p, None)          => p
    case (None, q)          => q
  }

  /** Product bits (16, as UInt) of multiplicand `a` and weight digits `sel` (only j >= P used). */
  def product(cfg: RoupConfig, a: SInt, sel: Int => BoothSel): UInt = {
    val p = cfg.p
    val r = cfg.r
    val roup = !cfg.columns && r > 0
    val cut = if (cfg.columns) r else 0
    val au = a.asUInt
    // the multiplicand as it enters the rows (signed bits, LSB first), its column offset and the
    // rounding bit injected per row
    val (h, shift, roundBit): (IndexedSeq[Bool], Int, Option[Bool]) =
      if (!roup) (IndexedSeq.tabulate(8)(i => au(i)), 0, None)
      else (IndexedSeq.tabulate(8 - r)(i => au(i + r)), r, Some(au(r - 1)))
    val mat = new DotMatrix(Width)
    def place(col: Int, d: Bool): Unit = if (col >= cut && col < Width) mat.add(col, d)
    var constant = addRows(h, shift, roundBit, (p until Booth.Digits).map(j => j -> sel(j)), place)
    if (cfg.columns && r > 2 * p) constant += BigInt(1) << (r - 1)
    mat.addConstant(constant)
    mat.sum()
  }

  /**
   * Places the rows of the given digits, (|d_j|·h ^ neg) at column 2j + shift with its negation
   * dot (or, with a rounding bit c, the rounding dots (neg ^ c)·|d_j|), through `place`; returns the
   * constant the sign-extension rewriting adds.
   */
  def addRows(h: IndexedSeq[Bool], shift: Int, roundBit: Option[Bool], digits: Seq[(Int, BoothSel)],
              place: (Int, Bool) => Unit): BigInt = {
    val n = h.size
    def hb(i: Int): Option[Bool] = if (i < 0) None else Some(h(math.min(i, n - 1)))
    var constant = BigInt(0)
    for ((j, s) <- digits) {
      val base = 2 * j + shift
      // row bits i = 0..n of (|d_j|·h) ^ neg, the top one its sign
      for (i <- 0 to n) {
        val mag = or(and(s.one, hb(i)), and(s.two, hb(i - 1)))
        val bit = (i, roundBit) match {
          case (0, Some(_)) => s.one & (h(0) ^ s.neg) // for |d| = 2 this bit moves into the rounding dot
          case _            => mag.map(_ ^ s.neg).getOrElse(s.neg)
        }
        val col = base + i
        if (i == n && col < Width - 1) {
          place(col, !bit)
          constant -= BigInt(1) << col
        } else if (col < Width) {
          place(col, bit)
        }
      }
      roundBit match {
        case None => place(base, s.neg)
        case Some(c) =>
          val t = s.neg ^ c
          place(base, s.one & t)
          place(base + 1, s.two & t)
      }
    }
    constant
  }
}
