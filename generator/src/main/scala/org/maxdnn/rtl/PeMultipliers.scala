package org.maxdnn.rtl

import java.util.ServiceLoader
import org.maxdnn.{Assets, MaxdnnException}
import org.maxdnn.mult.{ConfigurationCode, MultiplierConfig, MultiplierRegistry}
import scala.collection.mutable
import scala.jdk.CollectionConverters._

/**
 * The hardware of every multiplier family that has RTL: each [[PeMultiplierFamily]] registered in a
 * `META-INF/services/org.maxdnn.rtl.PeMultiplierFamily` file on the class path. Built multipliers
 * are kept per configuration, so an array of many equal PEs reads its sources once.
 *
 * @param assets the asset folder for families whose RTL lives there (EvoApprox circuits); may be null
 */
final class PeMultipliers(assets: Assets) {
  private val built = mutable.Map.empty[MultiplierConfig, PeMultiplier]
  private lazy val golden = new MultiplierRegistry(if (assets == null) null else assets.lutDir())

  def apply(cfg: MultiplierConfig): PeMultiplier = built.getOrElseUpdate(cfg, PeMultipliers.family(cfg)(cfg, assets))

  /**
   * Low bits that are 0 in every product of `cfg` (a ROUP(P, R) product is a multiple of 2^(R+2P)),
   * from the golden model's table of all 65,536 products: no family is asked.
   */
  def guaranteedZeros(cfg: MultiplierConfig): Int = {
    val any = golden.get(cfg).table().foldLeft(0)(_ | _)
    if (any == 0) 0 else Integer.numberOfTrailingZeros(any)
  }
}

object PeMultipliers {
  // the trait's own class loader: the same hardware whatever the calling thread's loader
  private lazy val all: Seq[PeMultiplierFamily] =
    ServiceLoader.load(classOf[PeMultiplierFamily], classOf[PeMultiplierFamily].getClassLoader).asScala.toSeq

  /** The hardware name of a configuration (`Roup_p1r2`, `Alwann_mul8u_2AC`). */
  def name(cfg: MultiplierConfig): String = family(cfg).name(cfg)

  /** The hardware family that builds `cfg`; a clear error for a family without RTL. */
  def family(cfg: MultiplierConfig): PeMultiplierFamily = all.find(_.families.contains(cfg.family.id)).getOrElse(
    throw MaxdnnException.badInput(s"multiplier ${cfg.name} has no RTL (families with RTL: " +
      all.flatMap(_.families).sorted.mkString(", ") + ")"))

  /** The configurable PE that decodes `code`; a clear error when no hardware has one. */
  def configurable(code: ConfigurationCode): PeMultiplier = all.flatMap(_.configurable(code)).headOption.getOrElse(
    throw MaxdnnException.badInput(s"no hardware decodes the configuration code ${code.id}"))
}
