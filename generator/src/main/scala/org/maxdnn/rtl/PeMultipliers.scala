package org.maxdnn.rtl

import org.maxdnn.{Assets, MaxdnnException}
import org.maxdnn.mult.MultiplierConfig
import scala.collection.mutable

/**
 * The hardware of every multiplier family that has RTL: one registration per family. Built
 * multipliers are kept per configuration, so an array of many equal PEs reads its sources once.
 *
 * @param assets the asset folder for families whose RTL lives there (EvoApprox circuits); may be null
 */
final class PeMultipliers(assets: Assets) {
  private val built = mutable.Map.empty[MultiplierConfig, PeMultiplier]

  def apply(cfg: MultiplierConfig): PeMultiplier = built.getOrElseUpdate(cfg, PeMultipliers.family(cfg)(cfg, assets))
}

object PeMultipliers {
  private val families: Map[String, PeMultiplierFamily] = Map(
    "exact" -> FixedRoup,
    "roup" -> FixedRoup,
    "roupc" -> FixedRoup,
    "lut" -> TableCircuit,
    "alwann" -> TableCircuit)

  /** The hardware name of a configuration (`Roup_p1r2`, `Alwann_mul8u_2AC`). */
  def name(cfg: MultiplierConfig): String = family(cfg).name(cfg)

  private def family(cfg: MultiplierConfig): PeMultiplierFamily = families.getOrElse(cfg.family.id,
    throw MaxdnnException.badInput(s"multiplier ${cfg.name} has no RTL (families with RTL: " +
      families.keys.toSeq.sorted.mkString(", ") + ")"))
}
