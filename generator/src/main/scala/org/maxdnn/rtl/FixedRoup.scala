package org.maxdnn.rtl

import chisel3._
import org.maxdnn.Assets
import org.maxdnn.mult.{MultiplierConfig, MultiplierFamily}

/**
 * A fixed exact, roup or roupc multiplier: the weight register holds the Booth selects of the
 * surviving digits only (encoded once at load), the product is the [[RoupDatapath]] bit matrix
 * with the configuration's constants folded in.
 */
final class FixedRoup(cfg: MultiplierConfig) extends PeMultiplier {
  require(FixedRoup.covers(cfg), s"no ROUP datapath for ${cfg.name}")

  private val digits = cfg.p until Booth.Digits

  override val name: String = FixedRoup.name(cfg)
  override val productBits: Int = RoupDatapath.Width
  override val dropsOperandBits: Boolean = !cfg.isExactByDefinition

  override def load(weight: SInt, code: UInt): UInt =
    VecInit(digits.map(j => Booth.encodeDigit(weight.asUInt, j))).asUInt

  override def product(act: SInt, stored: UInt): SInt = {
    val sel = stored.asTypeOf(Vec(digits.size, new BoothSel))
    RoupDatapath.product(cfg, act, j => sel(j - cfg.p)).asSInt
  }
}

object FixedRoup extends PeMultiplierFamily {
  def covers(cfg: MultiplierConfig): Boolean = cfg.family == MultiplierFamily.EXACT || cfg.family.isRoup

  override def name(cfg: MultiplierConfig): String = cfg.family match {
    case MultiplierFamily.ROUP  => s"Roup_p${cfg.p}r${cfg.r}"
    case MultiplierFamily.ROUPC => s"Roupc_p${cfg.p}r${cfg.r}"
    case _                      => "Exact"
  }

  override def apply(cfg: MultiplierConfig, assets: Assets): PeMultiplier = new FixedRoup(cfg)
}
