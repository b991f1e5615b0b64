package org.maxdnn.rtl

import org.maxdnn.Assets
import org.maxdnn.mult.{Circuit, MultiplierConfig, MultiplierRegistry, TableConfig, UnsignedTableMultiplier,
  WeightTunedMultiplier}

/**
 * The hardware of the table families `lut:NAME` and `alwann:NAME`: a [[TableCircuit]] PE around the
 * table's EvoApprox circuit from the asset folder.
 */
final class TableHardware extends PeMultiplierFamily {
  override val families: Seq[String] = Seq("lut", "alwann")

  override def name(cfg: MultiplierConfig): String = TableCircuit.name(cfg)

  override def apply(cfg: MultiplierConfig, assets: Assets): PeMultiplier = {
    val verilog = TableCircuit.libraryVerilog(cfg, assets)
    val tuned = if (!cfg.tunesWeights) None else {
      val m = new MultiplierRegistry(assets.lutDir()).get(cfg).asInstanceOf[WeightTunedMultiplier]
      Some((0 until 256).map(m.tunedWeightCode))
    }
    new TableCircuit(cfg, verilog, tuned)
  }

  /**
   * The library's circuit alone, `Unsigned_NAME` with the ports of every multiplier module: a the
   * activation's unsigned code a + 128 (on the circuit's port B, as its table is indexed), b the
   * weight's (ALWANN's tuned code for alwann), product U(a_u, b_u) (SPEC §3.3). The TFApprox offset
   * terms the PE adds around it are not part of it, as the PE's adder is not part of a ROUP circuit;
   * lut and alwann of one table share it.
   */
  override def circuit(cfg: MultiplierConfig, assets: Assets): Circuit = {
    val registry = new MultiplierRegistry(if (assets == null) null else assets.lutDir())
    val table = registry.get(TableConfig.lut(cfg.table)).asInstanceOf[UnsignedTableMultiplier]
    val code: Int => Int = x => (x + 128).toByte.toInt
    val weight: Int => Int = registry.get(cfg) match {
      case t: WeightTunedMultiplier => b => t.tunedWeightCode(b + 128).toByte.toInt
      case _                        => code
    }
    val module = "Unsigned_" + cfg.table
    new Circuit(cfg, module, 16, () => TableCircuit.libraryVerilog(cfg, assets).stripTrailing + "\n\n// " + cfg.table +
      " on unsigned codes, activation on port B (the table's index order)\n" +
      s"module $module(input [7:0] a, input [7:0] b, output [15:0] product);\n" +
      s"  ${cfg.table} circuit (.A(b), .B(a), .O(product));\nendmodule\n",
      new Circuit.Ports(x => code(x), b => weight(b), (a, b) => table.unsignedProduct(a & 0xFF, b & 0xFF)))
  }
}
