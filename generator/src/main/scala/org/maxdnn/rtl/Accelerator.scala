package org.maxdnn.rtl

import chisel3._
import chisel3.util._
import org.maxdnn.accel.{AcceleratorConfig, HostInterface}

/**
 * The accelerator around the array (SPEC §13): activation, weight, accumulator, parameter and
 * descriptor memories ([[Sram]]), the [[Sequencer]] with its im2col [[Im2colAddress]], the array that
 * `generate` emits as a module instance driven through its ports, and the [[ArrayFoot]]; a host port
 * (`org.maxdnn.accel.HostInterface`: a write or a read per cycle, read data the cycle after) and a
 * done flag. Counters of cycles and of each memory's reads and writes serve the energy and cycle
 * reports. The host reads and writes the activation memory only while the sequencer is idle; the
 * weight, parameter and descriptor memories it may write at any time (their second bank while a
 * layer runs from the first).
 */
class Accelerator(config: AcceleratorConfig, hardware: PeMultipliers) extends Module {
  override def desiredName: String = config.moduleName
  private val array = config.array
  private val rows = array.rows
  private val cols = array.cols
  private val macros = config.memories == AcceleratorConfig.MemoryStyle.MACROS

  val hostAddress = IO(Input(UInt(32.W)))
  val hostWriteData = IO(Input(UInt(32.W)))
  val hostWrite = IO(Input(Bool()))
  val hostRead = IO(Input(Bool()))
  val hostReadData = IO(Output(UInt(32.W)))
  /** High from the end of a descriptor that halts until the host starts again or clears it. */
  val done = IO(Output(Bool()))

  private val region = hostAddress(31, HostInterface.REGION_SHIFT)
  private val offset = hostAddress(HostInterface.REGION_SHIFT - 1, 0)
  private def hostWrites(r: Int) = hostWrite && region === r.U
  private def hostReads(r: Int) = hostRead && region === r.U

  private val seq = Module(new Sequencer(config))
  private val foot = Module(new ArrayFoot(cols, log2Ceil(config.accumulatorWords max 2),
    log2Ceil((2 * config.activationBytes) max 2), config.requantiserCycles))
  private val core = Module(new SystolicArray(array, hardware))

  // memories: each bank pair as one memory of twice the depth (the banks' ports are the memory's two)
  private val activations = Module(new Sram(2 * config.activationBytes, 8, macros))
  private val weights = Seq.fill(cols)(Module(new Sram(2 * config.weightWords, config.weightEntryBits, macros)))
  private val accumulators = Module(new Sram(config.accumulatorWords, 32, macros))
  private val biases = Module(new Sram(2 * config.parameterEntries, 32, macros))
  private val multipliers = Module(new Sram(2 * config.parameterEntries, 32, macros))
  private val shifts = Module(new Sram(2 * config.parameterEntries, 8, macros))
  private val descriptors = Module(new Sram(config.descriptors * Descriptor.Words, 32, macros))

  // control and status
  private val doneFlag = RegInit(false.B)
  private val startNow = hostWrites(HostInterface.REGISTERS) && offset === HostInterface.REG_START.U
  seq.start := startNow
  seq.startIndex := hostWriteData(15, 0)
  when(seq.finished) {
    doneFlag := true.B
  }
  when(startNow || hostWrites(HostInterface.REGISTERS) && offset === HostInterface.REG_STATUS.U) {
    doneFlag := false.B
  }
  done := doneFlag

  // activation memory: the sequencer's gather reads and foot writes, the host's while idle
  private val hostOwnsActivations = !seq.busy
  activations.io.readEnable := Mux(hostOwnsActivations, hostReads(HostInterface.ACTIVATIONS), seq.actRead)
  activations.io.readAddress := Mux(hostOwnsActivations, offset, seq.actAddress)
  activations.io.writeEnable := Mux(hostOwnsActivations, hostWrites(HostInterface.ACTIVATIONS), foot.outWrite)
  activations.io.writeAddress := Mux(hostOwnsActivations, offset, foot.outAddress)
  activations.io.writeData := Mux(hostOwnsActivations, hostWriteData(7, 0), foot.outData.asUInt)
  seq.actData := activations.io.readData

  // weight memory: a memory per column, the host writes (word << colBits) | column
  private val colBits = HostInterface.columnBits(cols)
  for (c <- 0 until cols) {
    val w = weights(c).io
    w.writeEnable := hostWrites(HostInterface.WEIGHTS) && offset(colBits - 1, 0) === c.U
    w.writeAddress := offset >> colBits
    w.writeData := hostWriteData
    w.readEnable := seq.weightRead
    w.readAddress := seq.weightAddress
    seq.weightData(c) := w.readData
  }

  // parameter memory: (entry << 2) | field
  private val parameterMemories = Seq(biases, multipliers, shifts)
  for ((m, field) <- parameterMemories.zip(Seq(HostInterface.BIAS, HostInterface.MULTIPLIER, HostInterface.SHIFT))) {
    m.io.writeEnable := hostWrites(HostInterface.PARAMETERS) && offset(1, 0) === field.U
    m.io.writeAddress := offset >> 2
    m.io.writeData := hostWriteData
    m.io.readEnable := foot.paramRead
    m.io.readAddress := foot.paramAddress
  }
  foot.bias := biases.io.readData.asSInt
  foot.multiplier := multipliers.io.readData.asSInt
  foot.shift := shifts.io.readData.asSInt

  descriptors.io.writeEnable := hostWrites(HostInterface.DESCRIPTORS)
  descriptors.io.writeAddress := offset
  descriptors.io.writeData := hostWriteData
  descriptors.io.readEnable := seq.descRead
  descriptors.io.readAddress := seq.descAddress
  seq.descData := descriptors.io.readData

  accumulators.io.readEnable := foot.accRead
  accumulators.io.readAddress := foot.accReadAddress
  accumulators.io.writeEnable := foot.accWrite
  accumulators.io.writeAddress := foot.accWriteAddress
  accumulators.io.writeData := foot.accWriteData.asUInt
  foot.accReadData := accumulators.io.readData.asSInt

  // the array, through its ports
  core.wloadEn := seq.loadEn
  core.wloadRow := seq.loadRow
  core.wloadWeight := seq.loadWeight
  core.wloadCfg.foreach(_ := seq.loadCode)
  core.inValid := seq.streamValid
  core.inAct := seq.streamAct
  // the energy-proportional array clocks only the fold's columns; nCount changes between folds, with
  // no valid data in flight, as its protocol asks
  core.colEnable.foreach(e => for (c <- 0 until cols) e(c) := c.U < seq.nCount)

  foot.d := seq.d
  foot.inValid := core.outValid
  foot.inPsum := core.outPsum
  foot.foldStart := seq.footStart
  foot.firstK := seq.firstK
  foot.lastK := seq.lastK
  foot.nCount := seq.nCount
  foot.channelBase := seq.channelBase
  seq.footVectors := foot.vectors

  // counters, in the order of HostInterface.COUNTERS_NAMES
  private val events = Seq(true.B, seq.busy, seq.fetching, seq.loading, seq.streaming, seq.draining,
    seq.actRead, foot.outWrite, seq.weightRead, foot.accRead, foot.accWrite, foot.paramRead, seq.descRead,
    hostWrite, hostRead, seq.streamValid, seq.foldDone)
  require(events.size == HostInterface.COUNTERS_NAMES.size)
  private val clearCounters = hostWrites(HostInterface.REGISTERS) && offset === HostInterface.REG_CLEAR_COUNTERS.U
  private val counters = events.map { e =>
    val c = RegInit(0.U(config.counterBits.W)) // wrapping; read zero-extended to the host's 32 bits
    when(clearCounters) {
      c := 0.U
    }.elsewhen(e) {
      c := c + 1.U
    }
    c
  }

  // host reads: registers and counters answer the cycle after, as the memory does
  private val registerValue = MuxLookup(offset, 0.U)(Seq(
    HostInterface.REG_STATUS.U -> Cat(seq.index, 0.U(14.W), doneFlag, seq.busy),
    HostInterface.REG_VERSION.U -> AcceleratorConfig.HOST_INTERFACE_VERSION.U,
    HostInterface.REG_SHAPE.U -> (rows | cols << 16).U))
  private val counterValue = VecInit(counters)(offset(log2Ceil(counters.size) - 1, 0))
  private val readRegion = RegNext(region)
  private val readValue = RegNext(Mux(region === HostInterface.COUNTERS.U, counterValue, registerValue))
  hostReadData := Mux(readRegion === HostInterface.ACTIVATIONS.U, activations.io.readData, readValue)
}
