package org.maxdnn.rtl

import chisel3._
import chisel3.util.{RegEnable, ShiftRegister, log2Ceil}

/**
 * The foot of the array (SPEC §13): takes each output vector of the array and, one column per cycle,
 * adds it to the int32 partial sums of the earlier reduction folds (accumulator memory), and on the
 * last reduction fold adds the channel's bias (compensated biases included: the host folds the
 * zero-point term f(x_zp, w) into it, SPEC §4), requantises ([[Requantiser]]), and writes the int8 to
 * the activation memory at output + pixel·outC + channel. Two stages: memory reads, then add,
 * requantise and write. Columns beyond the fold's are skipped, so idle columns cost no access.
 * `accumulatorBits` and `activationBits` are the two memories' address bits: the running addresses
 * are kept that wide, as the memories' ports would cut them. With a requantiser of `requantCycles`
 * R > 1 cycles, a last reduction fold takes a column each R cycles (the sequencer spaces its vectors
 * `lastFoldVectorPeriod` apart) and writes each int8 R cycles after its stage 1; a vector counts as
 * finished when its last column is written.
 */
class ArrayFoot(cols: Int, accumulatorBits: Int, activationBits: Int, requantCycles: Int = 1) extends Module {
  val d = IO(Input(new Descriptor))
  val inValid = IO(Input(Bool()))
  val inPsum = IO(Input(Vec(cols, SInt(32.W))))
  val foldStart = IO(Input(Bool()))
  val firstK = IO(Input(Bool()))
  val lastK = IO(Input(Bool()))
  val nCount = IO(Input(UInt(16.W)))
  val channelBase = IO(Input(UInt(16.W)))
  /** Output vectors finished in this fold. */
  val vectors = IO(Output(UInt(16.W)))

  val accRead = IO(Output(Bool()))
  val accReadAddress = IO(Output(UInt(32.W)))
  val accReadData = IO(Input(SInt(32.W)))
  val accWrite = IO(Output(Bool()))
  val accWriteAddress = IO(Output(UInt(32.W)))
  val accWriteData = IO(Output(SInt(32.W)))
  val paramRead = IO(Output(Bool()))
  val paramAddress = IO(Output(UInt(32.W)))
  val bias = IO(Input(SInt(32.W)))
  val multiplier = IO(Input(SInt(32.W)))
  val shift = IO(Input(SInt(8.W)))
  val outWrite = IO(Output(Bool()))
  val outAddress = IO(Output(UInt(32.W)))
  val outData = IO(Output(SInt(8.W)))

  private val captured = Reg(Vec(cols, SInt(32.W)))
  private val active = RegInit(false.B)
  private val column = RegInit(0.U(log2Ceil(cols + 1).W))
  private val done = RegInit(0.U(16.W))
  private val accBase = Reg(UInt(accumulatorBits.W))
  private val outBase = Reg(UInt(activationBits.W))

  // a last fold's column stays R cycles (slot 0 reads); otherwise a column a cycle
  private val slot = RegInit(0.U(log2Ceil(requantCycles max 2).W))
  private val firstSlot = if (requantCycles == 1) true.B else !lastK || slot === 0.U
  private val advance = if (requantCycles == 1) true.B else !lastK || slot === (requantCycles - 1).U

  // stage 0: read the earlier folds' partial sum and the channel's parameters
  private val valid0 = active && column < nCount && firstSlot
  private val channel = channelBase + column
  accRead := valid0 && !firstK
  accReadAddress := accBase + column
  paramRead := valid0 && lastK
  paramAddress := d.parameters + channel

  private val s1 = RegNext(valid0, false.B)
  private val s1Psum = RegNext(captured(column(math.max(1, log2Ceil(cols)) - 1, 0)))
  private val s1Acc = RegNext(accBase + column)
  private val s1Out = RegNext(outBase + channel)
  private val s1Last = RegNext(active && column === (cols - 1).U && firstSlot, false.B)

  when(active) {
    if (requantCycles > 1) {
      slot := Mux(advance, 0.U, slot + 1.U)
    }
    when(advance) {
      column := column + 1.U
      when(column === (cols - 1).U) {
        active := false.B
        accBase := (accBase + cols.U)(accumulatorBits - 1, 0)
        outBase := (outBase + d.outC)(activationBits - 1, 0)
      }
    }
  }
  // the last column of a vector written: at stage 1, or R cycles later when it requantises over R cycles
  private val vectorWritten = if (requantCycles == 1) s1Last
    else Mux(lastK, ShiftRegister(s1Last && lastK, requantCycles, false.B, true.B), s1Last)
  // a vector may arrive as the last column of the one before is read: `vectorPeriod` >= cols
  when(inValid) {
    captured := inPsum
    active := true.B
    column := 0.U
    slot := 0.U
  }
  when(foldStart) {
    done := 0.U
    accBase := 0.U
    outBase := d.output(activationBits - 1, 0)
  }.elsewhen(vectorWritten) {
    done := done + 1.U
  }
  vectors := done

  // stage 1: accumulate, then keep for the next fold or requantise and write back
  private val sum = s1Psum +% Mux(firstK, 0.S, accReadData)
  private val requantiser = Module(new Requantiser(requantCycles))
  requantiser.start.foreach(_ := s1 && lastK)
  requantiser.acc := sum
  requantiser.bias := bias
  requantiser.multiplier := multiplier
  requantiser.shift := shift
  requantiser.singleRounding := d.singleRounding
  requantiser.outZeroPoint := d.outZeroPoint
  requantiser.min := d.actMin
  requantiser.max := d.actMax

  accWrite := s1 && !lastK
  accWriteAddress := s1Acc
  accWriteData := sum
  outData := requantiser.out
  if (requantCycles == 1) {
    outWrite := s1 && lastK
    outAddress := s1Out
  } else {
    outWrite := ShiftRegister(s1 && lastK, requantCycles, false.B, true.B)
    outAddress := RegEnable(s1Out, s1 && lastK)
  }
}
