package org.maxdnn.rtl

import chisel3._
import chisel3.util.{Cat, Fill}
import org.maxdnn.mult.{MultiplierConfig, MultiplierFamily}

/** Module names of the generated multipliers: Exact, Roup_p1r2, Roupc_p1r2. */
object MultiplierNames {
  /** The name of a non-default rounding style gets a suffix (`_inc`) where the style matters. */
  def of(cfg: MultiplierConfig, style: RoundingStyle.Value): String =
    if (style != RoundingStyle.Default && cfg.family == MultiplierFamily.ROUP && cfg.r > 0) of(cfg) + "_inc"
    else of(cfg)

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
 * How roup's multiplicand rounding a_R = ((a >> R) + a[R-1]) << R is built.
 *  - Incrementer: a (9-R)-bit incrementer computes a_R once, shared by every row.
 *  - Injected: a_R is never formed; each row takes h = a >> R and the rounding bit c = a[R-1]
 *    enters the matrix as one extra dot per row (d·(h + c) = (|d|·h ^ neg) + (neg ^ c)·|d|).
 */
object RoundingStyle extends Enumeration {
  val Incrementer, Injected = Value

  /**
   * Injected: with abc's generic gates it measured fewer cells than the incrementer for every
   * (P, R) but R = 7 at P = 0, 2, 3 (Yosys 0.23, within 3 cells) and made the count fall
   * monotonically with R >= 1.
   */
  val Default: Value = Injected
}

/**
 * The structural ROUP datapath (SPEC §3.2, §6) for a fixed configuration: multiplicand rounding,
 * partial-product rows of the surviving Booth digits only, column removal, a Dadda carry-save tree
 * and a final adder. The sum of the matrix is the reference `BoothPartialProducts.sum` modulo
 * 2^16, bit for bit, though the matrix is written in the usual hardware-economical form:
 *
 *  - sign extension: the top bit s of a row at column k < 15 is replaced by !s and the constant
 *    -2^k is added (s·(2^16 - 2^k) = !s·2^k - 2^k mod 2^16);
 *  - rounded multiplicand (roup, R > 0): a_R's low R bits are 0, so each row is |d|·(a_R >> R)
 *    placed R columns higher with its negation bit there (the reference row's low R bits are all
 *    `neg` and add up with its negation bit to neg·2^R).
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
  def product(cfg: MultiplierConfig, a: SInt, sel: Int => BoothSel): UInt =
    product(cfg, a, sel, RoundingStyle.Default)

  def product(cfg: MultiplierConfig, a: SInt, sel: Int => BoothSel, style: RoundingStyle.Value): UInt = {
    val p = cfg.p
    val r = cfg.r
    val roup = cfg.family == MultiplierFamily.ROUP && r > 0
    val cut = if (cfg.family == MultiplierFamily.ROUPC) r else 0
    val au = a.asUInt
    // the multiplicand as it enters the rows (signed bits, LSB first), its column offset and the
    // rounding bit injected per row (Injected style only)
    val (h, shift, roundBit): (IndexedSeq[Bool], Int, Option[Bool]) =
      if (!roup) (IndexedSeq.tabulate(8)(i => au(i)), 0, None)
      else if (style == RoundingStyle.Incrementer) {
        val w = 9 - r
        val shifted = (a >> r).asSInt.pad(w).asUInt
        val hi = (shifted +% au(r - 1))(w - 1, 0)
        (IndexedSeq.tabulate(w)(i => hi(i)), r, None)
      } else (IndexedSeq.tabulate(8 - r)(i => au(i + r)), r, Some(au(r - 1)))
    val mat = new DotMatrix(Width)
    def place(col: Int, d: Bool): Unit = if (col >= cut && col < Width) mat.add(col, d)
    var constant = addRows(h, shift, roundBit, (p until Booth.Digits).map(j => j -> sel(j)), place)
    if (cfg.family == MultiplierFamily.ROUPC && r > 2 * p) constant += BigInt(1) << (r - 1)
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

  /**
   * The configurable datapath: every ROUP configuration chosen at run time by registers decoded at
   * weight load (see [[PeConfig]]). Perforated digits arrive with all selects 0; the rounded
   * multiplicand's low bits are masked to 0 and removed columns are ANDed with 0, so neither
   * switches.
   *
   * Unlike the fixed datapath it is written word-wide: each Booth row is one sign-extended 16-bit
   * word, the rows go through a tree of word-wide 3:2 carry-save adders (a row of full adders
   * each) and a final adder. A fixed configuration's constant folding needs the bit matrix; here
   * nothing is constant, and the word form simulates several times faster in Verilator, which
   * evaluates a word operation where the bit matrix costs one operation per dot.
   */
  def configurableProduct(a: SInt, sel: Int => BoothSel, c: PeConfig): UInt = {
    // a_R = (a + 2^(R-1)) & ~(2^R - 1) in 9 bits for roup; a for roupc (round = 0, keep = all ones)
    val a9 = a.pad(9).asUInt
    val ar = (a9 +% c.aRound) & c.aKeep
    val ar10 = Cat(ar(8), ar)
    val keep = Cat(Fill(Width - PeConfig.CutColumns, 1.U(1.W)), c.colKeep)
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

/**
 * Run-time multiplier configuration of a configurable PE, decoded once at weight load from the
 * 6-bit code {family (0 roup, 1 roupc), P (2 bits), R (3 bits)}; `exact` is code 0.
 */
class PeConfig extends Bundle {
  /** 2^(R-1) for roup with R > 0, else 0 (9 bits). */
  val aRound = UInt(9.W)
  /** multiplicand bits kept: ~(2^R - 1) for roup, all ones for roupc (9 bits). */
  val aKeep = UInt(9.W)
  /** columns 0..6 kept (roupc removes columns < R). */
  val colKeep = UInt(PeConfig.CutColumns.W)
  /** roupc's rounding constant 2^(R-1) when R > 2P (columns 0..6). */
  val cConst = UInt(PeConfig.CutColumns.W)
}

object PeConfig {
  val CodeBits = 6
  val CutColumns = 7

  /** The code of a configuration: family << 5 | P << 3 | R. */
  def code(cfg: MultiplierConfig): Int = cfg.family match {
    case MultiplierFamily.EXACT => 0
    case MultiplierFamily.ROUP  => (cfg.p << 3) | cfg.r
    case MultiplierFamily.ROUPC => (1 << 5) | (cfg.p << 3) | cfg.r
    case f                      => throw new IllegalArgumentException(s"no RTL for multiplier family $f")
  }

  /** Decodes a code (hardware): the datapath registers and the perforation P. */
  def decode(code: UInt): (PeConfig, UInt) = {
    val roupc = code(5)
    val p = code(4, 3)
    val r = code(2, 0)
    val c = Wire(new PeConfig)
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

/** A fixed-configuration multiplier: a (activation, SInt 8) × b (weight, SInt 8) → product (SInt 16). */
class RoupMultiplier(val cfg: MultiplierConfig, style: RoundingStyle.Value) extends RawModule {
  def this(cfg: MultiplierConfig) = this(cfg, RoundingStyle.Default)

  require(MultiplierNames.supported(cfg), s"no RTL for ${cfg.name}")
  override def desiredName: String = MultiplierNames.of(cfg, style)

  val a = IO(Input(SInt(8.W)))
  val b = IO(Input(SInt(8.W)))
  val product = IO(Output(SInt(16.W)))

  private val digits = (0 until Booth.Digits).map(j => if (j >= cfg.p) Some(Booth.encodeDigit(b.asUInt, j)) else None)
  product := RoupDatapath.product(cfg, a, j => digits(j).get, style).asSInt
}
