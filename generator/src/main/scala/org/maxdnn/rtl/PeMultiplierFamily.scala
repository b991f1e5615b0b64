package org.maxdnn.rtl

import org.maxdnn.Assets
import org.maxdnn.mult.MultiplierConfig

/** How to build the hardware of one multiplier family (see [[PeMultipliers]]). */
trait PeMultiplierFamily {
  /** The hardware name of a configuration, without building it. */
  def name(cfg: MultiplierConfig): String

  /** The multiplier; `assets` (may be null) is the asset folder for families whose RTL lives there. */
  def apply(cfg: MultiplierConfig, assets: Assets): PeMultiplier
}
