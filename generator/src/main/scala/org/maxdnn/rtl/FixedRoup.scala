package org.maxdnn.rtl

import chisel3._
import org.maxdnn.mult.{MultiplierConfig, RoupConfig}

/**
 * A fixed exact, roup or roupc multiplier: the weight register holds the Booth selects of the
 * surviving digits only (encoded once at load), the product is the [[RoupDatapath]] bit matrix
 * with the configuration's constants folded in.
 */
final class FixedRoup(cfg: MultiplierConfig) extends PeMultiplier {
  // exact is the datapath of roup-p0r0
  private val roup = cfg match {
    case c: RoupConfig => c
    case _             => RoupConfig.roup(0, 0)
  }
  private val digits = roup.p until Booth.Digits

  override val name: String = FixedRoup.name(cfg)
  override val productBits: Int = RoupDatapath.Width
  override val dropsOperandBits: Boolean = !cfg.isExactByDefinition

  override def load(weight: SInt, code: UInt): UInt =
    VecInit(digits.map(j => Booth.encodeDigit(weight.asUInt, j))).asUInt

  override def product(act: SInt, stored: UInt): SInt = {
    val sel = stored.asTypeOf(Vec(digits.size, new BoothSel))
    RoupDatapath.product(roup, act, j => sel(j - roup.p)).asSInt
  }
}

object FixedRoup {
  /** `Exact`, `Roup_p1r2`, `Roupc_p3r7`. */
  def name(cfg: MultiplierConfig): String = cfg match {
    case c: RoupConfig => s"${if (c.columns) "Roupc" else "Roup"}_p${c.p}r${c.r}"
    case _             => "Exact"
  }
}
