package org.maxdnn.rtl

import chisel3._

/**
 * Per-channel fixed-point requantisation (SPEC §4, §12), combinational: y = clamp(M(acc + bias) +
 * outZeroPoint) with M the Q31 multiplier and shift of the channel applied either as TFLite's
 * reference kernels do (gemmlowp's SaturatingRoundingDoublingHighMul then RoundingDivideByPOT:
 * `singleRounding` low) or as the x86 runtime's GEMM does (one rounding shift in 64 bits). Bit for bit
 * the golden model's `QuantizedMultiplier.apply` and `applySingleRounding`; one 32×32 multiplier
 * serves both. Shifts are taken in -31..30, as `QuantizedMultiplier.of` makes them.
 */
class Requantiser extends Module {
  val acc = IO(Input(SInt(32.W)))
  val bias = IO(Input(SInt(32.W)))
  val multiplier = IO(Input(SInt(32.W)))
  val shift = IO(Input(SInt(8.W)))
  val singleRounding = IO(Input(Bool()))
  val outZeroPoint = IO(Input(SInt(8.W)))
  val min = IO(Input(SInt(8.W)))
  val max = IO(Input(SInt(8.W)))
  val out = IO(Output(SInt(8.W)))

  private val x = acc +% bias
  private val left = Mux(shift > 0.S, shift.asUInt(4, 0), 0.U)
  private val right = Mux(shift > 0.S, 0.U, (0.S(8.W) -% shift).asUInt(4, 0))
  // x·2^left wraps in 32 bits, as the reference's x * (1 << left)
  private val shifted = (x.asUInt << left)(31, 0).asSInt
  private val factor = Mux(singleRounding, x, shifted)
  private val product = factor * multiplier // 64 bits

  // reference: SaturatingRoundingDoublingHighMul, the quotient truncated toward zero
  private val nudge = Mux(product >= 0.S, (BigInt(1) << 30).S(66.W), (1 - (BigInt(1) << 30)).S(66.W))
  private val nudged = product.pad(66) + nudge
  private val floor = (nudged >> 31).asSInt
  private val truncated = floor + Mux(nudged < 0.S && nudged(30, 0) =/= 0.U, 1.S, 0.S)
  private val overflow = shifted === Int.MinValue.S(32.W) && multiplier === Int.MinValue.S(32.W)
  private val high = Mux(overflow, Int.MaxValue.S(32.W), truncated(31, 0).asSInt)
  // RoundingDivideByPOT(high, right)
  private val mask = ((1.U(33.W) << right) - 1.U)(31, 0)
  private val remainder = high.asUInt & mask
  private val threshold = (mask >> 1) + high(31).asUInt
  private val reference = (high >> right).asSInt + Mux(remainder > threshold, 1.S, 0.S)

  // runtime: (x·multiplier + 2^(total-1)) >> total, total = 31 - shift in 1..62
  private val total = (31.S(9.W) - shift.pad(9)).asUInt(5, 0)
  private val half = (1.U(64.W) << (total - 1.U))(63, 0)
  private val rounded = product.pad(66) + half.pad(66).asSInt
  private val runtime = (rounded >> total)(31, 0).asSInt

  private val scaled = Mux(singleRounding, runtime, reference(31, 0).asSInt) +% outZeroPoint.pad(32)
  out := Mux(scaled < min.pad(32), min, Mux(scaled > max.pad(32), max, scaled(7, 0).asSInt))
}
