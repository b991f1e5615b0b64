package org.maxdnn.rtl

import org.maxdnn.Assets
import org.maxdnn.mult.{Circuit, ConfigurationCode, MultiplierConfig, MultiplierRegistry}

/**
 * The hardware of one or more multiplier families, a plug-in as the families are: one class with a
 * public no-argument constructor, registered with one line in
 * `META-INF/services/org.maxdnn.rtl.PeMultiplierFamily` ([[PeMultipliers]]). The PE, the arrays,
 * synthesis, energy and layout take what it builds and never look at the family.
 */
trait PeMultiplierFamily {
  /** The ids of the multiplier families whose configurations this builds (`roup`, `lut`, …). */
  def families: Seq[String]

  /** The hardware name of a configuration, without building it: the multiplier module and `PE_<name>`. */
  def name(cfg: MultiplierConfig): String

  /** The fixed multiplier of `cfg`; `assets` (may be null) is the asset folder for families whose RTL lives there. */
  def apply(cfg: MultiplierConfig, assets: Assets): PeMultiplier

  /** The PE multiplier that decodes `code` at each weight load, if this hardware has it. */
  def configurable(code: ConfigurationCode): Option[PeMultiplier] = None

  /**
   * The netlist that stands for `cfg` in synthesis, energy characterisation, layout and `generate
   * --multipliers`: by default its fixed multiplier on its own ([[MultiplierModule]]), on the
   * signed operands.
   */
  def circuit(cfg: MultiplierConfig, assets: Assets): Circuit = {
    val mult = apply(cfg, assets)
    val model = new MultiplierRegistry(if (assets == null) null else assets.lutDir()).get(cfg)
    new Circuit(cfg, mult.name, mult.productBits, () => RtlGenerator.multiplierVerilog(cfg, assets),
      Circuit.Ports.signed(model))
  }
}
