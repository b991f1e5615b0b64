package org.maxdnn.rtl

import chisel3._
import chisel3.util.Cat
import org.maxdnn.mult.{MultiplierConfig, MultiplierFamily}

/** Module names of the generated multipliers: Exact, Roup_p1r2, Roupc_p1r2. */
object MultiplierNames {
  def of(cfg: MultiplierConfig): String = cfg.family match {
    case MultiplierFamily.EXACT => "Exact"
    case MultiplierFamily.ROUP  => s"Roup_p${cfg.p}r${cfg.r}"
    case MultiplierFamily.ROUPC => s"Roupc_p${cfg.p}r${cfg.r}"
    case f                      => throw new IllegalArgumentException(s"no RTL for multiplier family $f")
  }

  def supported(cfg: MultiplierConfig): Boolean =
    cfg.family == MultiplierFamily.EXACT || cfg.family.isRoup
}

/**
 * The structural ROUP datapath (SPEC §3.2, §6) for a fixed configuration: multiplicand rounding,
 * partial-product rows of the surviving Booth digits only, column removal, a Dadda carry-save tree
 * and a final adder. The sum of the matrix is the reference `BoothPartialProducts.sum` modulo
 * 2^16, bit for bit, though the matrix is written in the usual hardware-economical form:
 *
 *  - sign extension: the top bit s of a row at column k < 15 is replaced by !s and the constant
 *    -2^k is added (s·(2^16 - 2^k) = !s·2^k - 2^k mod 2^16);
 *  - rounded multiplicand (roup, R > 0): its low R bits are 0, so a negated row's low R bits and
 *    its negation bit add up to neg·2^R; they become one negation dot at column 2j + R.
 */
object RoupDatapath {
  val Width = 16
  /** Bits of |d|·a_R: a_R in [-128, 128] needs 9 signed bits, 2·a_R 10. */
  private val MagBits = 10

  /** Rounded multiplicand bits 0..8; None for bits known to be 0. */
  def multiplicand(a: SInt, family: MultiplierFamily, r: Int): IndexedSeq[Option[Bool]] = {
    val au = a.asUInt
    if (family == MultiplierFamily.ROUP && r > 0) {
      // a_R = ((a >> R) + a[R-1]) << R: a (9-R)-bit signed incrementer
      val hiWidth = 9 - r
      val shifted = (a >> r).asSInt.pad(hiWidth).asUInt
      val hi = (shifted +% au(r - 1))(hiWidth - 1, 0)
      IndexedSeq.tabulate(9)(i => if (i < r) None else Some(hi(i - r)))
    } else {
      IndexedSeq.tabulate(9)(i => Some(au(math.min(i, 7))))
    }
  }

  private def and(s: Bool, x: Option[Bool]): Option[Bool] = x.map(s & _)

  private def or(x: Option[Bool], y: Option[Bool]): Option[Bool] = (x, y) match {
    case (Some(p), Some(q)) => Some(p | q)
    case (p, None)          => p
    case (None, q)          => q
  }

  /** Product bits (16, as UInt) of multiplicand `a` and weight digits `sel` (only j >= P used). */
  def product(cfg: MultiplierConfig, a: SInt, sel: Int => BoothSel): UInt = {
    val family = if (cfg.family == MultiplierFamily.EXACT) MultiplierFamily.ROUP else cfg.family
    val p = cfg.p
    val r = cfg.r
    val cut = if (family == MultiplierFamily.ROUPC) r else 0
    val m = multiplicand(a, family, r)
    val mat = new DotMatrix(Width)
    var constant = BigInt(0)
    def place(col: Int, d: Bool): Unit = if (col >= cut) mat.add(col, d)
    for (j <- p until Booth.Digits) {
      val s = sel(j)
      // |d_j|·a_R bit i: one·m_i | two·m_{i-1} (m sign-extended)
      val mag = IndexedSeq.tabulate(MagBits) { i =>
        or(and(s.one, m(math.min(i, 8))), if (i == 0) None else and(s.two, m(math.min(i - 1, 8))))
      }
      // low bits known to be 0 in |d|·a_R are pure `neg` in the row: fold them with the negation bit
      val low = mag.indexWhere(_.isDefined)
      for (i <- low until MagBits) {
        val col = 2 * j + i
        val bit = mag(i) match {
          case Some(x) => x ^ s.neg
          case None    => s.neg
        }
        if (col < Width) {
          if (i == MagBits - 1 && col < Width - 1) {
            place(col, !bit)
            constant -= BigInt(1) << col
          } else {
            place(col, bit)
          }
        }
      }
      place(2 * j + low, s.neg)
    }
    if (family == MultiplierFamily.ROUPC && r > 2 * p) constant += BigInt(1) << (r - 1)
    mat.addConstant(constant)
    mat.sum()
  }
}

/** A fixed-configuration multiplier: a (activation, SInt 8) × b (weight, SInt 8) → product (SInt 16). */
class RoupMultiplier(val cfg: MultiplierConfig) extends RawModule {
  require(MultiplierNames.supported(cfg), s"no RTL for ${cfg.name}")
  override def desiredName: String = MultiplierNames.of(cfg)

  val a = IO(Input(SInt(8.W)))
  val b = IO(Input(SInt(8.W)))
  val product = IO(Output(SInt(16.W)))

  private val digits = (0 until Booth.Digits).map(j => if (j >= cfg.p) Some(Booth.encodeDigit(b.asUInt, j)) else None)
  product := RoupDatapath.product(cfg, a, j => digits(j).get).asSInt
}
