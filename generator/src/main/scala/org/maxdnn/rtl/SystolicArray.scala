package org.maxdnn.rtl

import chisel3._
import chisel3.util.{log2Ceil, RegEnable, ShiftRegister}
import org.maxdnn.mult.MultiplierConfig

/** How the multipliers of an array are chosen (SPEC §6). */
sealed trait ArrayMode
/** Every PE's configuration baked in: configs(row)(col). */
final case class FixedMode(configs: Seq[Seq[MultiplierConfig]]) extends ArrayMode
/** Every PE holds a 6-bit configuration code (see [[PeConfig]]) loaded with its weight. */
case object ConfigurableMode extends ArrayMode

/**
 * One weight-stationary processing element: weight register (the Booth selects, encoded once at
 * load), activation pass-through register, ROUP multiplier, int32 adder, partial-sum register.
 * psumOut = reg(psumIn + w·actIn), actOut = reg(actIn).
 *
 * @param fixed the baked-in configuration, or None for a configurable PE (then `cfg` is a port)
 */
class ProcessingElement(fixed: Option[MultiplierConfig]) extends Module {
  override def desiredName: String = fixed match {
    case Some(c) => "PE_" + MultiplierNames.of(c)
    case None    => "PE_Configurable"
  }

  val actIn = IO(Input(SInt(8.W)))
  val actOut = IO(Output(SInt(8.W)))
  val psumIn = IO(Input(SInt(32.W)))
  val psumOut = IO(Output(SInt(32.W)))
  val load = IO(Input(Bool()))
  val weight = IO(Input(SInt(8.W)))
  val cfg = if (fixed.isEmpty) Some(IO(Input(UInt(PeConfig.CodeBits.W)))) else None

  private def zeroSel: BoothSel = {
    val z = Wire(new BoothSel)
    z.neg := false.B
    z.one := false.B
    z.two := false.B
    z
  }

  private val product: UInt = fixed match {
    case Some(c) =>
      // only the surviving digits have an encoder and a register
      val sel = (c.p until Booth.Digits).map { j =>
        j -> RegEnable(Booth.encodeDigit(weight.asUInt, j), zeroSel, load)
      }.toMap
      RoupDatapath.product(c, actIn, sel)
    case None =>
      val (decoded, p) = PeConfig.decode(cfg.get)
      val sel = (0 until Booth.Digits).map { j =>
        // perforated digits are stored as all-zero selects: their rows are constant 0
        val e = Booth.encodeDigit(weight.asUInt, j)
        val keep = p <= j.U
        val g = Wire(new BoothSel)
        g.neg := e.neg && keep
        g.one := e.one && keep
        g.two := e.two && keep
        RegEnable(g, zeroSel, load)
      }
      val zeroCfg = Wire(new PeConfig)
      zeroCfg.aRound := 0.U
      zeroCfg.aKeep := "h1ff".U(9.W)
      zeroCfg.colKeep := ((1 << PeConfig.CutColumns) - 1).U
      zeroCfg.cConst := 0.U
      val cfgReg = RegEnable(decoded, zeroCfg, load)
      RoupDatapath.configurableProduct(actIn, sel, cfgReg)
  }

  actOut := RegNext(actIn, 0.S)
  psumOut := RegNext(psumIn +% product.asSInt.pad(32), 0.S)

  // RT-level activity of the activation register, the multiplier output and the partial-sum register
  ToggleCounter.attach("act", actOut.asUInt, clock, reset.asBool)
  ToggleCounter.attach("product", product, clock, reset.asBool)
  ToggleCounter.attach("psum", psumOut.asUInt, clock, reset.asBool)
}

/**
 * Weight-stationary rows × cols systolic array (SPEC §6) for C = A·W: row r takes the reduction
 * index, column c an output channel.
 *
 * Protocol: (1) load weights one row per cycle: wloadEn, wloadRow = r, wloadWeight(c) = W[r][c]
 * (and wloadCfg(c), the code of the PE's multiplier, in configurable mode); (2) stream: each cycle
 * with inValid, inAct(r) = A[m][r]; the array skews the rows itself. outPsum(c) = C[m][c] (int32,
 * wrapping) appears deskewed with outValid exactly rows + cols cycles later. Do not load while
 * valid data is in flight. outAct(r) is row r's activation leaving the last column (still skewed).
 *
 * Every input is registered once at the boundary (loads and activations alike, so their relative
 * timing is as if unregistered): no PE logic then depends on an input port directly, and a
 * cycle-based simulator such as Verilator evaluates the PEs once per clock edge instead of on every
 * change of the inputs, which was a fifth of the cosimulation time.
 */
class SystolicArray(val rows: Int, val cols: Int, val mode: ArrayMode, name: String) extends Module {
  require(rows >= 1 && cols >= 1, "array must be at least 1x1")
  mode match {
    case FixedMode(cs) =>
      require(cs.size == rows && cs.forall(_.size == cols), s"fixed mode needs a ${rows}x$cols configuration map")
      require(cs.flatten.forall(MultiplierNames.supported), "fixed mode takes exact, roup and roupc multipliers only")
    case ConfigurableMode =>
  }
  override def desiredName: String = name

  val configurable: Boolean = mode == ConfigurableMode
  val latency: Int = rows + cols

  val inValid = IO(Input(Bool()))
  val inAct = IO(Input(Vec(rows, SInt(8.W))))
  val outValid = IO(Output(Bool()))
  val outPsum = IO(Output(Vec(cols, SInt(32.W))))
  /** The activations leaving the last column (rows skewed), for cascading arrays side by side. */
  val outAct = IO(Output(Vec(rows, SInt(8.W))))
  val wloadEn = IO(Input(Bool()))
  val wloadRow = IO(Input(UInt(math.max(1, log2Ceil(rows)).W)))
  val wloadWeight = IO(Input(Vec(cols, SInt(8.W))))
  val wloadCfg = if (configurable) Some(IO(Input(Vec(cols, UInt(PeConfig.CodeBits.W))))) else None

  private val act = RegNext(inAct, VecInit(Seq.fill(rows)(0.S(8.W))))
  private val loadEn = RegNext(wloadEn, false.B)
  private val loadRow = RegNext(wloadRow)
  private val loadWeight = RegNext(wloadWeight)
  private val loadCfg = wloadCfg.map(RegNext(_))

  private val pes = Seq.tabulate(rows, cols) { (r, c) =>
    val fixed = mode match {
      case FixedMode(cs) => Some(cs(r)(c))
      case ConfigurableMode => None
    }
    val pe = Module(new ProcessingElement(fixed))
    pe.load := loadEn && loadRow === r.U
    pe.weight := loadWeight(c)
    pe.cfg.foreach(_ := loadCfg.get(c))
    pe
  }

  for (r <- 0 until rows; c <- 0 until cols) {
    val pe = pes(r)(c)
    pe.actIn := (if (c == 0) ShiftRegister(act(r), r, 0.S(8.W), true.B) else pes(r)(c - 1).actOut)
    pe.psumIn := (if (r == 0) 0.S else pes(r - 1)(c).psumOut)
  }
  for (r <- 0 until rows) outAct(r) := pes(r)(cols - 1).actOut
  for (c <- 0 until cols) {
    outPsum(c) := ShiftRegister(pes(rows - 1)(c).psumOut, cols - 1 - c, 0.S(32.W), true.B)
  }
  outValid := ShiftRegister(inValid, latency, false.B, true.B)
}

/** Construction from Java: a null configuration map means configurable mode. */
object SystolicArrays {
  import scala.jdk.CollectionConverters._

  def create(name: String, rows: Int, cols: Int, configs: java.util.List[java.util.List[MultiplierConfig]]): SystolicArray = {
    val mode =
      if (configs == null) ConfigurableMode
      else FixedMode(configs.asScala.map(_.asScala.toSeq).toSeq)
    new SystolicArray(rows, cols, mode, name)
  }

  def configCode(cfg: MultiplierConfig): Int = PeConfig.code(cfg)
}
