package org.maxdnn.rtl

import chisel3._
import chisel3.util.ShiftRegister
import org.maxdnn.array.{ArrayConfig, PeKind}

/**
 * Weight-stationary rows × cols systolic array (SPEC §6) for C = A·W: row r takes the reduction
 * index, column c an output channel. Every PE's multiplier is the configurable PE that decodes the
 * array's code, or in a fixed array the hardware of its baked-in configuration (from `hardware`).
 *
 * Protocol: (1) load weights one row per cycle: wloadEn, wloadRow = r, wloadWeight(c) = W[r][c]
 * (and wloadCfg(c), the code of the PE's multiplier, in configurable mode); (2) stream: each cycle
 * with inValid, inAct(r) = A[m][r]; the array skews the rows itself. outPsum(c) = C[m][c] (int32,
 * wrapping) appears deskewed with outValid exactly `config.latency` = rows + cols cycles later. Do
 * not load while valid data is in flight. outAct(r) is row r's activation leaving the last column
 * (still skewed).
 *
 * The energy-proportional array (`config.gated`, SPEC §6.1) clocks what changes only: each row's
 * weight (and code) registers through a clock gate open on that row's load, each PE's activation
 * and partial-sum registers through a gate open while valid data passes it (the valid bit travels
 * the diagonals, as the activations do) in a column whose colEnable input is high; its partial
 * sums are [[org.maxdnn.array.ArrayConfig#psumBits]] wide per row, sign-extended to int32 at the
 * foot; a fixed one keeps no register bit below its column's guaranteed zeros. A disabled column's outputs and outAct are undefined; colEnable changes like a load, with
 * no valid data in flight.
 *
 * Every input is registered once at the boundary (loads and activations alike, so their relative
 * timing is as if unregistered): no PE logic then depends on an input port directly, and a
 * cycle-based simulator such as Verilator evaluates the PEs once per clock edge instead of on every
 * change of the inputs, which was a fifth of the cosimulation time.
 */
class SystolicArray(val config: ArrayConfig, hardware: PeMultipliers) extends Module {
  override def desiredName: String = config.moduleName

  private val rows = config.rows
  private val cols = config.cols
  private val mults = SystolicArray.multipliers(config, hardware)
  private val codeBits = mults.flatten.map(_.codeBits).max
  require(codeBits == config.codeBits, s"PE code of $codeBits bits in an array of ${config.codeBits}")
  private val operand = ArrayConfig.OPERAND_BITS.W

  val inValid = IO(Input(Bool()))
  val inAct = IO(Input(Vec(rows, SInt(operand))))
  val outValid = IO(Output(Bool()))
  val outPsum = IO(Output(Vec(cols, SInt(ArrayConfig.OUTPUT_BITS.W))))
  /** The activations leaving the last column (rows skewed), for cascading arrays side by side. */
  val outAct = IO(Output(Vec(rows, SInt(operand))))
  val wloadEn = IO(Input(Bool()))
  val wloadRow = IO(Input(UInt(config.rowIndexBits.W)))
  val wloadWeight = IO(Input(Vec(cols, SInt(operand))))
  val wloadCfg = if (codeBits > 0) Some(IO(Input(Vec(cols, UInt(codeBits.W))))) else None
  /** Gated array: column c takes part in the streams that follow. */
  val colEnable = if (config.gated) Some(IO(Input(Vec(cols, Bool())))) else None

  private val act = RegNext(inAct, VecInit(Seq.fill(rows)(0.S(operand))))
  private val loadEn = RegNext(wloadEn, false.B)
  private val loadRow = RegNext(wloadRow)
  private val loadWeight = RegNext(wloadWeight)
  private val loadCfg = wloadCfg.map(RegNext(_))
  private val columns = colEnable.map(RegNext(_, VecInit(Seq.fill(cols)(false.B))))
  /** valid(d): the data in the PEs of diagonal r + c = d is valid; valid(rows + cols - 1) leaves the foot. */
  private val valid = (1 to config.latency).scanLeft(inValid)((v, _) => RegNext(v, false.B)).tail
  private val rowLoad = Seq.tabulate(rows)(r => loadEn && loadRow === r.U)
  private val weightClocks = if (config.gated) rowLoad.zipWithIndex.map { case (l, r) =>
    Some(ClockGate(s"weightGate_$r", clock, reset.asBool, l))
  } else Seq.fill(rows)(None)

  /** A gated fixed array's column: partial-sum bits 0 in every product of its PEs (SPEC §6.1), not registered. */
  private val lowZeros = Seq.tabulate(cols) { c =>
    if (!config.gated || config.isConfigurable) 0
    else (0 until rows).map(r => hardware.guaranteedZeros(config.config(r, c))).min
  }

  private val pes = Seq.tabulate(rows, cols) { (r, c) =>
    val pe = Module(new ProcessingElement(mults(r)(c), config.psumBits(math.max(0, r - 1)), config.psumBits(r),
      config.gated, math.min(lowZeros(c), config.psumBits(r) - 1)))
    pe.load.foreach(_ := rowLoad(r))
    pe.weightClock.foreach(_ := weightClocks(r).get)
    pe.dataClock.foreach(_ := ClockGate(s"dataGate_${r}_$c", clock, reset.asBool, valid(r + c) && columns.get(c)))
    pe.weight := loadWeight(c)
    pe.code.foreach(_ := loadCfg.get(c))
    pe
  }

  for (r <- 0 until rows; c <- 0 until cols) {
    val pe = pes(r)(c)
    pe.actIn := (if (c == 0) ShiftRegister(act(r), r, 0.S(operand), true.B) else pes(r)(c - 1).actOut)
    pe.psumIn := (if (r == 0) 0.S else pes(r - 1)(c).psumOut)
  }
  for (r <- 0 until rows) outAct(r) := pes(r)(cols - 1).actOut
  for (c <- 0 until cols) {
    outPsum(c) := ShiftRegister(pes(rows - 1)(c).psumOut.pad(ArrayConfig.OUTPUT_BITS), cols - 1 - c,
      0.S(ArrayConfig.OUTPUT_BITS.W), true.B)
  }
  outValid := valid(config.latency - 1)
}

object SystolicArray {
  import scala.jdk.CollectionConverters._

  /** The multiplier of every PE: the configurable one, or the hardware of a fixed array's configuration. */
  def multipliers(config: ArrayConfig, hardware: PeMultipliers): Seq[Seq[PeMultiplier]] = config.pe match {
    case k: PeKind.Configurable => Seq.fill(config.rows, config.cols)(PeMultipliers.configurable(k.code))
    case _                      => Seq.tabulate(config.rows, config.cols)((r, c) => hardware(config.config(r, c)))
  }

  /** The hand-written modules the PEs instantiate (module name -> Verilog), to emit beside the array. */
  def externalVerilog(config: ArrayConfig, hardware: PeMultipliers): java.util.Map[String, String] =
    multipliers(config, hardware).flatten.flatMap(_.externalVerilog).toMap.asJava

  /** The PE modules whose multipliers leave operand bits unused by design. */
  def peModulesDroppingBits(config: ArrayConfig, hardware: PeMultipliers): java.util.Set[String] =
    multipliers(config, hardware).flatten.filter(_.dropsOperandBits).map("PE_" + _.name).toSet.asJava
}
