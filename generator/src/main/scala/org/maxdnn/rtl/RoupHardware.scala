package org.maxdnn.rtl

import org.maxdnn.Assets
import org.maxdnn.mult.{ConfigurationCode, MultiplierConfig, RoupCode}

/** The hardware of exact, roup and roupc: a [[FixedRoup]] per configuration, and the [[ConfigurableRoup]] PE. */
final class RoupHardware extends PeMultiplierFamily {
  override val families: Seq[String] = Seq("exact", "roup", "roupc")

  override def name(cfg: MultiplierConfig): String = FixedRoup.name(cfg)

  override def apply(cfg: MultiplierConfig, assets: Assets): PeMultiplier = new FixedRoup(cfg)

  override def configurable(code: ConfigurationCode): Option[PeMultiplier] =
    if (code == RoupCode.INSTANCE) Some(ConfigurableRoup) else None
}
