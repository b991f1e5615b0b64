package org.maxdnn.rtl

import chisel3._
import chisel3.util.Cat
import scala.collection.mutable.ArrayBuffer

/** One dot of a partial-product matrix: a signal or the constant 1 (constant 0 is simply absent). */
sealed trait Dot
case object One extends Dot
final case class Sig(b: Bool) extends Dot

/**
 * Column-wise bit matrix reduced by a Dadda tree of explicit full and half adders (XOR/AND/OR
 * gates, no `+`), then summed by a final carry-propagate adder. Carries out of the top column are
 * dropped: the result is the sum modulo 2^width.
 */
class DotMatrix(val width: Int) {
  val cols: Array[ArrayBuffer[Dot]] = Array.fill(width)(ArrayBuffer.empty[Dot])

  def add(col: Int, d: Dot): Unit = if (col >= 0 && col < width) cols(col) += d

  def add(col: Int, b: Bool): Unit = add(col, Sig(b))

  /** Adds a constant (mod 2^width) as one constant dot per set bit. */
  def addConstant(k: BigInt): Unit = {
    val m = k.mod(BigInt(1) << width)
    for (i <- 0 until width if m.testBit(i)) add(i, One)
  }

  def height: Int = cols.map(_.size).max

  /** Dadda reduction to two rows, then the final adder. */
  def sum(): UInt = {
    DotMatrix.reduce(cols, width)
    val r0 = (0 until width).map(i => DotMatrix.bit(cols(i).lift(0)))
    val r1 = (0 until width).map(i => DotMatrix.bit(cols(i).lift(1)))
    val a = Cat(r0.reverse)
    val b = Cat(r1.reverse)
    (a +% b)(width - 1, 0)
  }
}

object DotMatrix {
  def bit(d: Option[Dot]): Bool = d match {
    case Some(One)    => true.B
    case Some(Sig(b)) => b
    case None         => false.B
  }

  private def not(d: Dot): Option[Dot] = d match {
    case One    => None
    case Sig(b) => Some(Sig(!b))
  }

  /** Half adder: (sum, carry). Constant inputs are folded at elaboration. */
  def halfAdder(x: Dot, y: Dot): (Option[Dot], Option[Dot]) = (x, y) match {
    case (One, One)           => (None, Some(One))
    case (One, s)             => (not(s), Some(s))
    case (s, One)             => (not(s), Some(s))
    case (Sig(a), Sig(b))     => (Some(Sig(a ^ b)), Some(Sig(a & b)))
  }

  /** Full adder: sum = x^y^z, carry = xy | z(x^y). Constant inputs are folded at elaboration. */
  def fullAdder(x: Dot, y: Dot, z: Dot): (Option[Dot], Option[Dot]) = {
    val sigs = Seq(x, y, z).collect { case Sig(b) => b }
    val ones = 3 - sigs.size
    ones match {
      case 0 =>
        val Seq(a, b, c) = sigs
        val t = a ^ b
        (Some(Sig(t ^ c)), Some(Sig((a & b) | (c & t))))
      case 1 =>
        val Seq(a, b) = sigs
        (Some(Sig(!(a ^ b))), Some(Sig(a | b)))
      case 2 => (Some(Sig(sigs.head)), Some(One))
      case _ => (Some(One), Some(One))
    }
  }

  /** Dadda stage heights 2, 3, 4, 6, 9, ... below `h`, largest first. */
  def targets(h: Int): Seq[Int] = {
    val ds = ArrayBuffer(2)
    while (ds.last * 3 / 2 < h) ds += ds.last * 3 / 2
    ds.reverse.toSeq.filter(_ < h)
  }

  def reduce(cols: Array[ArrayBuffer[Dot]], width: Int): Unit = {
    val h = cols.map(_.size).max
    for (d <- targets(h)) {
      val next = Array.fill(width)(ArrayBuffer.empty[Dot])
      for (i <- 0 until width) {
        // carries from column i-1 of this stage are already in next(i)
        val pool = ArrayBuffer.empty[Dot] ++= cols(i)
        def height = pool.size + next(i).size
        // only in degenerate matrices: feed this stage's carries back in
        def take(n: Int): Seq[Dot] = {
          while (pool.size < n) pool += next(i).remove(0)
          val t = pool.take(n).toSeq
          pool.remove(0, n)
          t
        }
        while (height > d) {
          val (s, c) =
            if (height - d == 1) { val Seq(x, y) = take(2); halfAdder(x, y) }
            else { val Seq(x, y, z) = take(3); fullAdder(x, y, z) }
          s.foreach(next(i) += _)
          if (i + 1 < width) c.foreach(next(i + 1) += _)
        }
        next(i) ++= pool
      }
      for (i <- 0 until width) {
        cols(i).clear()
        cols(i) ++= next(i)
      }
    }
  }
}
