package org.maxdnn.rtl

import chisel3._

/**
 * A layer descriptor as the sequencer reads it: the fields of the 16 words of
 * `org.maxdnn.accel.LayerDescriptor` (docs/design/accelerator.md has the layout).
 */
class Descriptor extends Bundle {
  val halt = Bool()
  val singleRounding = Bool()
  val inH = UInt(16.W)
  val inW = UInt(16.W)
  val inC = UInt(16.W)
  val outC = UInt(16.W)
  val outW = UInt(16.W)
  val kh = UInt(8.W)
  val kw = UInt(8.W)
  val strideH = UInt(8.W)
  val strideW = UInt(8.W)
  val padTop = UInt(8.W)
  val padLeft = UInt(8.W)
  val inZeroPoint = SInt(8.W)
  val outZeroPoint = SInt(8.W)
  val actMin = SInt(8.W)
  val actMax = SInt(8.W)
  val groups = UInt(16.W)
  val groupsPerFold = UInt(16.W)
  val k = UInt(16.W)
  val n = UInt(16.W)
  val depth = UInt(16.W)
  val input = UInt(32.W)
  val output = UInt(32.W)
  val weights = UInt(32.W)
  val parameters = UInt(32.W)
  val m = UInt(16.W)
}

object Descriptor {
  val Words = 16

  /** The fields of descriptor words `w` (word 3's outH is implied by m and outW, so not read). */
  def decode(w: Vec[UInt]): Descriptor = {
    val d = Wire(new Descriptor)
    d.halt := w(0)(0)
    d.singleRounding := w(0)(1)
    d.inH := w(1)(15, 0)
    d.inW := w(1)(31, 16)
    d.inC := w(2)(15, 0)
    d.outC := w(2)(31, 16)
    d.outW := w(3)(31, 16)
    d.kh := w(4)(7, 0)
    d.kw := w(4)(15, 8)
    d.strideH := w(4)(23, 16)
    d.strideW := w(4)(31, 24)
    d.padTop := w(5)(7, 0)
    d.padLeft := w(5)(15, 8)
    d.inZeroPoint := w(5)(23, 16).asSInt
    d.outZeroPoint := w(5)(31, 24).asSInt
    d.actMin := w(6)(7, 0).asSInt
    d.actMax := w(6)(15, 8).asSInt
    d.groups := w(7)(15, 0)
    d.groupsPerFold := w(7)(31, 16)
    d.k := w(8)(15, 0)
    d.n := w(8)(31, 16)
    d.depth := w(9)(15, 0)
    d.input := w(10)
    d.output := w(11)
    d.weights := w(12)
    d.parameters := w(13)
    d.m := w(14)(15, 0)
    d
  }
}
