package org.maxdnn.rtl

import chisel3._

/**
 * Word-wide carry-save reduction: 3:2 compressors over whole words (x ^ y ^ z and the majority
 * shifted one column up), until two words remain for the final adder; all mod 2^width.
 */
object WordCarrySave {
  def compress(x: UInt, y: UInt, z: UInt, width: Int): (UInt, UInt) =
    (x ^ y ^ z, (((x & y) | (x & z) | (y & z)) << 1)(width - 1, 0))

  def sum(words: Seq[UInt], width: Int): UInt = {
    var ws = words
    while (ws.size > 2) {
      val groups = ws.grouped(3).toSeq
      ws = groups.flatMap {
        case Seq(x, y, z) => val (s, c) = compress(x, y, z, width); Seq(s, c)
        case rest         => rest
      }
    }
    ws match {
      case Seq(x, y) => (x +% y)(width - 1, 0)
      case Seq(x)    => x
    }
  }
}
