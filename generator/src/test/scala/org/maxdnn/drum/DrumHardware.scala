package org.maxdnn.drum

import chisel3._
import chisel3.util.{Cat, MuxCase, MuxLookup}
import org.maxdnn.Assets
import org.maxdnn.mult.MultiplierConfig
import org.maxdnn.rtl.{PeMultiplier, PeMultiplierFamily}

/**
 * DRUM-k's hardware ([[DrumFamily]]), registered by the tests alone: the weight register holds the
 * weight's sign, k-bit segment and shift (encoded once at load); the product encodes the activation
 * the same way, multiplies the two k-bit segments exactly, shifts and signs.
 */
final class DrumHardware extends PeMultiplierFamily {
  override val families: Seq[String] = Seq("drum")

  private def k(cfg: MultiplierConfig): Int = cfg.asInstanceOf[DrumFamily.Config].k

  override def name(cfg: MultiplierConfig): String = s"Drum_k${k(cfg)}"

  override def apply(cfg: MultiplierConfig, assets: Assets): PeMultiplier = new PeMultiplier {
    private val bits = k(cfg)
    private val shiftBits = 3
    override val name: String = DrumHardware.this.name(cfg)
    override val productBits: Int = 16

    /** {sign, segment, shift}: |x| keeps k bits from its leading one t, the lowest forced to 1, shifted by t - k + 1. */
    private def encode(x: SInt): UInt = {
      val negative = x < 0.S
      val magnitude = Mux(negative, ~x.asUInt +% 1.U, x.asUInt) // 8 bits: |-128| = 128
      val byLeadingOne = (7 to bits by -1).map(t => magnitude(t) -> Cat(magnitude(t, t - bits + 2), 1.U(1.W), (t - bits + 1).U(shiftBits.W)))
      Cat(negative, MuxCase(Cat(magnitude(bits - 1, 0), 0.U(shiftBits.W)), byLeadingOne))
    }

    override def load(weight: SInt, code: UInt): UInt = encode(weight)

    override def product(act: SInt, stored: UInt): SInt = {
      def fields(e: UInt) = (e(bits + shiftBits), e(bits + shiftBits - 1, shiftBits), e(shiftBits - 1, 0))
      val (signA, segmentA, shiftA) = fields(encode(act))
      val (signB, segmentB, shiftB) = fields(stored)
      // a static shift per amount: a dynamic one would widen the product past what is used
      val segments = segmentA * segmentB
      val magnitude = MuxLookup(shiftA +& shiftB, 0.U(productBits.W))(
        (0 to 2 * (8 - bits)).map(s => s.U -> (segments << s).pad(productBits)(productBits - 1, 0)))
      Mux(signA ^ signB, 0.U(productBits.W) - magnitude, magnitude).asSInt
    }
  }
}
