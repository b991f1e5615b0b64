package org.maxdnn.rtl

import chisel3._
import chisel3.util._
import org.maxdnn.accel.AcceleratorConfig

/**
 * Runs layers from descriptors (SPEC §13): from the descriptor index the host starts it at, it
 * fetches a descriptor, runs the layer's folds in the `Tiling`'s order (blocks of groups, then column
 * folds, then reduction folds), and goes on with the next descriptor until one says halt, then
 * raises `finished`. A fold: load its weights into the array a row per cycle (the weight memory holds
 * the layer's folds one after the other, `rows` words each), stream every output pixel's vector
 * (gathered a row per cycle by [[Im2colAddress]], one vector each `vectorPeriod` cycles, each
 * `lastFoldVectorPeriod` in a layer's last reduction fold, where the foot requantises), and drain
 * (wait for the [[ArrayFoot]] to finish the last vector) before the next load, as the array's
 * protocol asks.
 */
object SequencerState extends ChiselEnum {
  val idle, fetch, block, load, stream, drain, next = Value
}

class Sequencer(config: AcceleratorConfig) extends Module {
  private val rows = config.array.rows
  private val cols = config.array.cols
  private val codeBits = config.array.codeBits
  private val period = config.vectorPeriod
  private val lastPeriod = config.lastFoldVectorPeriod // a last reduction fold's, as the foot requantises
  // widths of what only ever holds small values: a block packs at most cols groups (the Tiling's
  // floor(C / N), SPEC §13), so its K and N totals fit 16 + groupBits bits; the phase counter counts to
  // the descriptor's words, the rows loaded or the vector period; a weight word address is cut to the
  // weight memory's address bits, as its port cuts it
  private val groupBits = log2Ceil(cols + 1)
  private val totalBits = 16 + groupBits
  private val counterBits = log2Ceil((Descriptor.Words max rows max (lastPeriod - 1)) + 1)
  private val weightBits = log2Ceil((2 * config.weightWords) max 2)

  val start = IO(Input(Bool()))
  val startIndex = IO(Input(UInt(16.W)))
  val busy = IO(Output(Bool()))
  val finished = IO(Output(Bool()))
  val index = IO(Output(UInt(16.W)))
  val fetching = IO(Output(Bool()))
  val loading = IO(Output(Bool()))
  val streaming = IO(Output(Bool()))
  val draining = IO(Output(Bool()))
  val foldDone = IO(Output(Bool()))

  val descRead = IO(Output(Bool()))
  val descAddress = IO(Output(UInt(32.W)))
  val descData = IO(Input(UInt(32.W)))
  val weightRead = IO(Output(Bool()))
  val weightAddress = IO(Output(UInt(32.W)))
  val weightData = IO(Input(Vec(cols, UInt(config.weightEntryBits.W))))
  val actRead = IO(Output(Bool()))
  val actAddress = IO(Output(UInt(32.W)))
  val actData = IO(Input(UInt(8.W)))

  val loadEn = IO(Output(Bool()))
  val loadRow = IO(Output(UInt(config.array.rowIndexBits.W)))
  val loadWeight = IO(Output(Vec(cols, SInt(8.W))))
  val loadCode = IO(Output(Vec(cols, UInt((codeBits max 1).W))))
  val streamValid = IO(Output(Bool()))
  val streamAct = IO(Output(Vec(rows, SInt(8.W))))

  val d = IO(Output(new Descriptor))
  val footStart = IO(Output(Bool()))
  val firstK = IO(Output(Bool()))
  val lastK = IO(Output(Bool()))
  val nCount = IO(Output(UInt(16.W)))
  val channelBase = IO(Output(UInt(16.W)))
  val footVectors = IO(Input(UInt(16.W)))

  private val S = SequencerState
  private val state = RegInit(S.idle)
  private val current = RegInit(0.U(16.W))
  private val words = Reg(Vec(Descriptor.Words, UInt(32.W)))
  private val desc = Descriptor.decode(words)
  d := desc

  private val counter = RegInit(0.U(counterBits.W)) // fetch word, load row, or stream phase
  private val fetched = RegNext(state === S.fetch && counter < Descriptor.Words.U, false.B)
  private val fetchedWord = RegNext(counter(3, 0))
  private val group = Reg(UInt(16.W))
  private val groupBase = Reg(UInt(16.W)) // group * n, the block's first output channel, as a running sum
  private val kTotal = Reg(UInt(totalBits.W))
  private val nTotal = Reg(UInt(totalBits.W))
  private val k0 = Reg(UInt(totalBits.W))
  private val n0 = Reg(UInt(totalBits.W))
  private val foldWord = Reg(UInt(weightBits.W))
  private val vector = Reg(UInt(16.W))

  private val kLeft = kTotal - k0
  private val nLeft = nTotal - n0
  private val isLastK = kLeft <= rows.U
  nCount := Mux(nLeft < cols.U, nLeft, cols.U)(15, 0)
  private val kCount = Mux(isLastK, kLeft, rows.U)
  firstK := k0 === 0.U
  lastK := isLastK
  channelBase := groupBase + n0(15, 0)

  private val walker = Module(new Im2colAddress)
  walker.d := desc
  walker.group := group
  walker.startGroup := false.B
  walker.nextKFold := false.B
  walker.startVectors := false.B
  walker.nextVector := false.B
  walker.step := false.B
  walker.saveAfter := false.B

  descRead := state === S.fetch && counter < Descriptor.Words.U
  descAddress := (current << 4) + counter
  weightRead := state === S.load && counter < rows.U
  weightAddress := foldWord + counter
  actRead := false.B
  actAddress := walker.address
  loadEn := false.B
  loadRow := (counter - 1.U)(config.array.rowIndexBits - 1, 0)
  for (c <- 0 until cols) {
    loadWeight(c) := weightData(c)(7, 0).asSInt
    loadCode(c) := (if (codeBits > 0) weightData(c)(7 + codeBits, 8) else 0.U)
  }
  streamValid := false.B
  footStart := false.B

  // the row being gathered, its data one cycle after its read
  private val gather = Reg(Vec(rows, SInt(8.W)))
  private val gRow = RegNext(counter(log2Ceil(rows + 1) - 1, 0))
  private val gUsed = RegNext(false.B, false.B)
  private val gIdle = RegNext(false.B, false.B)
  private val gPad = RegNext(walker.pad)
  when(gUsed) {
    gather(gRow) := Mux(gIdle, 0.S, Mux(gPad, desc.inZeroPoint, actData.asSInt))
  }
  streamAct := gather

  busy := state =/= S.idle
  index := current
  fetching := state === S.fetch || state === S.block || state === S.next
  loading := state === S.load
  streaming := state === S.stream
  draining := state === S.drain
  finished := false.B
  foldDone := false.B

  when(fetched) {
    words(fetchedWord) := descData
  }

  switch(state) {
    is(S.idle) {
      when(start) {
        current := startIndex
        counter := 0.U
        state := S.fetch
      }
    }
    is(S.fetch) {
      counter := counter + 1.U
      when(counter === Descriptor.Words.U) {
        group := 0.U
        groupBase := 0.U
        foldWord := words(12)(weightBits - 1, 0)
        state := S.block
      }
    }
    is(S.block) {
      // a block of groups: as many as a fold packs, fewer at the end
      val left = desc.groups - group
      val blockGroups = Mux(left < desc.groupsPerFold, left, desc.groupsPerFold)(groupBits - 1, 0)
      kTotal := blockGroups * desc.k
      nTotal := blockGroups * desc.n
      k0 := 0.U
      n0 := 0.U
      walker.startGroup := true.B
      counter := 0.U
      state := S.load
    }
    is(S.load) {
      footStart := true.B
      counter := counter + 1.U
      loadEn := counter =/= 0.U
      when(counter === rows.U) {
        walker.startVectors := true.B
        vector := 0.U
        counter := 0.U
        state := S.stream
      }
    }
    is(S.stream) {
      val row = counter
      when(row < rows.U) {
        val used = row < kCount
        actRead := used && !walker.pad
        gUsed := true.B
        gIdle := !used
        walker.step := true.B
      }
      walker.saveAfter := row === rows.U && vector === 0.U
      streamValid := row === (rows + 1).U
      counter := counter + 1.U
      val lastPhase = if (lastPeriod == period) (period - 1).U else Mux(isLastK, (lastPeriod - 1).U, (period - 1).U)
      when(counter === lastPhase) {
        counter := 0.U
        when(vector + 1.U === desc.m) {
          state := S.drain
        }.otherwise {
          vector := vector + 1.U
          walker.nextVector := true.B
        }
      }
    }
    is(S.drain) {
      when(footVectors === desc.m) {
        foldDone := true.B
        counter := 0.U
        foldWord := (foldWord + rows.U)(weightBits - 1, 0)
        when(!isLastK) {
          k0 := k0 + rows.U
          walker.nextKFold := true.B
          state := S.load
        }.elsewhen(n0 +& cols.U < nTotal) {
          n0 := n0 + cols.U
          k0 := 0.U
          walker.startGroup := true.B
          state := S.load
        }.elsewhen(group + desc.groupsPerFold < desc.groups) {
          group := group + desc.groupsPerFold
          groupBase := groupBase + nTotal(15, 0)
          state := S.block
        }.otherwise {
          state := S.next
        }
      }
    }
    is(S.next) {
      when(desc.halt) {
        finished := true.B
        state := S.idle
      }.otherwise {
        current := current + 1.U
        counter := 0.U
        state := S.fetch
      }
    }
  }
}
