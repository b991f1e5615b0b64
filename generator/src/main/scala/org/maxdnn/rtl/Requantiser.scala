package org.maxdnn.rtl

import chisel3._
import chisel3.util._

/**
 * Per-channel fixed-point requantisation (SPEC §4, §12): y = clamp(M(acc + bias) + outZeroPoint) with
 * M the Q31 multiplier and shift of the channel applied either as TFLite's reference kernels do
 * (gemmlowp's SaturatingRoundingDoublingHighMul then RoundingDivideByPOT: `singleRounding` low) or as
 * the x86 runtime's GEMM does (one rounding shift in 64 bits). Bit for bit the golden model's
 * `QuantizedMultiplier.apply` and `applySingleRounding`. Shifts are taken in -31..30, as
 * `QuantizedMultiplier.of` makes them.
 *
 * With `cycles` = 1 it is combinational around one 32×32 multiplier that serves both variants. With
 * `cycles` = R > 1 (2, 4 or 8) it takes acc, bias, multiplier and shift in the cycle `start` is high
 * and multiplies 32 × 32/R bits a cycle, the multiplier's most significant slice first (signed, the
 * others unsigned), into a 64-bit product register: `out` is the result from R cycles after `start`
 * until the next `start` (which may come in that very cycle). `singleRounding`, `outZeroPoint`, `min`
 * and `max` (the layer's descriptor) must hold until then.
 */
class Requantiser(cycles: Int = 1) extends Module {
  require(Seq(1, 2, 4, 8).contains(cycles), s"a requantiser of $cycles cycles")
  override def desiredName: String = if (cycles == 1) "Requantiser" else s"Requantiser_${cycles}cycles"
  val acc = IO(Input(SInt(32.W)))
  val bias = IO(Input(SInt(32.W)))
  val multiplier = IO(Input(SInt(32.W)))
  val shift = IO(Input(SInt(8.W)))
  val singleRounding = IO(Input(Bool()))
  val outZeroPoint = IO(Input(SInt(8.W)))
  val min = IO(Input(SInt(8.W)))
  val max = IO(Input(SInt(8.W)))
  val out = IO(Output(SInt(8.W)))
  /** R > 1: take the inputs this cycle. */
  val start = Option.when(cycles > 1)(IO(Input(Bool())))

  private val begin = start.getOrElse(true.B)
  /** What the multiplication and rounding after it read: the input itself, or as taken at `start`. */
  private def held[T <: Data](v: T): T = if (cycles == 1) v else RegEnable(v, begin)

  private val x = acc +% bias
  private val left = Mux(shift > 0.S, shift.asUInt(4, 0), 0.U)
  // x·2^left wraps in 32 bits, as the reference's x * (1 << left)
  private val shifted = (x.asUInt << left)(31, 0).asSInt
  private val factor = Mux(singleRounding, x, shifted)
  private val product = if (cycles == 1) factor * multiplier else serialProduct(factor) // 64 bits
  private val heldShift = held(shift)
  private val right = Mux(heldShift > 0.S, 0.U, (0.S(8.W) -% heldShift).asUInt(4, 0))

  // The two variants share one 66-bit rounding adder and one 66-bit arithmetic right shifter (the
  // variant is the layer's, fixed while it runs): the reference adds its nudge and shifts by 31 (a
  // wire) and then its high word by `right`; the runtime adds 2^(total-1) and shifts by `total`.

  // reference: SaturatingRoundingDoublingHighMul, the quotient truncated toward zero
  private val nudge = Mux(product >= 0.S, (BigInt(1) << 30).S(66.W), (1 - (BigInt(1) << 30)).S(66.W))
  // runtime: (x·multiplier + 2^(total-1)) >> total, total = 31 - shift in 1..62
  private val total = (31.S(9.W) - heldShift.pad(9)).asUInt(5, 0)
  private val half = (1.U(64.W) << (total - 1.U))(63, 0)
  private val rounded = product.pad(66) + Mux(singleRounding, half.pad(66).asSInt, nudge)
  private val floor = (rounded >> 31).asSInt
  private val truncated = floor + Mux(rounded < 0.S && rounded(30, 0) =/= 0.U, 1.S, 0.S)
  private val overflow = held(shifted === Int.MinValue.S(32.W) && multiplier === Int.MinValue.S(32.W))
  private val high = Mux(overflow, Int.MaxValue.S(32.W), truncated(31, 0).asSInt)
  // RoundingDivideByPOT(high, right): its shift is the shared one's
  private val mask = ((1.U(33.W) << right) - 1.U)(31, 0)
  private val remainder = high.asUInt & mask
  private val threshold = (mask >> 1) + high(31).asUInt
  private val shiftedDown = (Mux(singleRounding, rounded, high.pad(66)) >> Mux(singleRounding, total, right.pad(6)))(31, 0)
  private val runtime = shiftedDown.asSInt
  private val reference = shiftedDown.asSInt + Mux(remainder > threshold, 1.S, 0.S)

  private val scaled = Mux(singleRounding, runtime, reference(31, 0).asSInt) +% outZeroPoint.pad(32)
  out := Mux(scaled < min.pad(32), min, Mux(scaled > max.pad(32), max, scaled(7, 0).asSInt))

  /**
   * factor × multiplier over `cycles` cycles, most significant slice first: at `start` the signed top
   * slice of the input multiplier times the input factor, then each cycle the product so far shifted
   * left by a slice and the next (unsigned) slice of the multiplier taken at `start` times the factor
   * taken at `start`.
   */
  private def serialProduct(factor: SInt): SInt = {
    val b = 32 / cycles
    val factorHeld = RegEnable(factor, begin)
    val rest = Reg(UInt((32 - b).W)) // the multiplier's slices still to multiply, the next one on top
    val step = RegInit(0.U(log2Ceil(cycles).W)) // 1..cycles-1 while multiplying, 0 when done
    val slice = Mux(begin, multiplier(31, 32 - b).asSInt.pad(b + 1), Cat(0.U(1.W), rest(31 - b, 32 - 2 * b)).asSInt)
    val partial = Mux(begin, factor, factorHeld) * slice
    val sum = Reg(SInt(64.W))
    when(begin) {
      sum := partial.pad(64)
      rest := multiplier.asUInt(31 - b, 0)
      step := 1.U
    }.elsewhen(step =/= 0.U) {
      sum := (sum.asUInt << b)(63, 0).asSInt +% partial.pad(64)
      rest := (rest << b)(31 - b, 0)
      step := step + 1.U
    }
    sum
  }
}
