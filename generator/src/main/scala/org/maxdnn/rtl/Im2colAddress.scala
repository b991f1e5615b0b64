package org.maxdnn.rtl

import chisel3._

/**
 * Address generation for im2col on the fly (SPEC §13): for the output pixel being streamed and the
 * fold row being gathered, the activation-memory byte that row reads, or `pad` when the tap falls
 * outside the input (the gatherer then feeds the input zero point). Rows walk the stacked reduction
 * of the fold's block of groups as the `Tiling` orders it: k = (ky·kw + kx)·depth + j within a group,
 * groups one after the other (a packed depthwise fold); FC is a 1×1 convolution over a 1×1 input.
 * Counters only, no divider: a reduction fold starts where the previous fold of its column block
 * stopped (`saveAfter` after the first pixel's `rows` steps, `nextKFold`).
 */
class Im2colAddress extends Module {
  val d = IO(Input(new Descriptor))
  val startGroup = IO(Input(Bool()))
  val group = IO(Input(UInt(16.W)))
  val nextKFold = IO(Input(Bool()))
  val startVectors = IO(Input(Bool()))
  val nextVector = IO(Input(Bool()))
  val step = IO(Input(Bool()))
  val saveAfter = IO(Input(Bool()))
  val address = IO(Output(UInt(32.W)))
  val pad = IO(Output(Bool()))

  private class Tap extends Bundle {
    val g = UInt(16.W)
    val ky = UInt(8.W)
    val kx = UInt(8.W)
    val j = UInt(16.W)
  }
  private def tapAt(g: UInt): Tap = {
    val t = Wire(new Tap)
    t.g := g
    t.ky := 0.U
    t.kx := 0.U
    t.j := 0.U
    t
  }

  private val walk = Reg(new Tap)
  private val start = Reg(new Tap)
  private val after = Reg(new Tap)
  private val ox = Reg(UInt(16.W))
  private val iy0 = Reg(SInt(18.W))
  private val ix0 = Reg(SInt(18.W))

  when(startGroup) {
    start := tapAt(group)
    walk := tapAt(group)
  }.elsewhen(nextKFold) {
    start := after
  }
  when(saveAfter) {
    after := walk
  }
  when(startVectors) {
    walk := start
    ox := 0.U
    iy0 := -(d.padTop.pad(18).asSInt)
    ix0 := -(d.padLeft.pad(18).asSInt)
  }.elsewhen(nextVector) {
    walk := start
    when(ox + 1.U === d.outW) {
      ox := 0.U
      ix0 := -(d.padLeft.pad(18).asSInt)
      iy0 := iy0 + d.strideH.pad(18).asSInt
    }.otherwise {
      ox := ox + 1.U
      ix0 := ix0 + d.strideW.pad(18).asSInt
    }
  }.elsewhen(step) {
    when(walk.j + 1.U =/= d.depth) {
      walk.j := walk.j + 1.U
    }.otherwise {
      walk.j := 0.U
      when(walk.kx + 1.U =/= d.kw) {
        walk.kx := walk.kx + 1.U
      }.otherwise {
        walk.kx := 0.U
        when(walk.ky + 1.U =/= d.kh) {
          walk.ky := walk.ky + 1.U
        }.otherwise {
          walk.ky := 0.U
          walk.g := walk.g + 1.U
        }
      }
    }
  }

  private val iy = iy0 + walk.ky.pad(18).asSInt
  private val ix = ix0 + walk.kx.pad(18).asSInt
  pad := iy < 0.S || ix < 0.S || iy >= d.inH.pad(18).asSInt || ix >= d.inW.pad(18).asSInt
  private val pixel = iy.asUInt(15, 0) * d.inW + ix.asUInt(15, 0)
  address := d.input + (pixel * d.inC)(31, 0) + (walk.g * d.depth)(31, 0) + walk.j
}
