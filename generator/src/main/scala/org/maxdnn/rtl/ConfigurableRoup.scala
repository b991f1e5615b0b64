package org.maxdnn.rtl

import chisel3._
import org.maxdnn.mult.RoupCode

/** What a configurable PE stores at load: the Booth selects (perforated digits all 0) and the decoded settings. */
class ConfigurableRoupState extends Bundle {
  val sel = Vec(Booth.Digits, new BoothSel)
  val settings = new RoupSettings
}

/**
 * Every exact, roup and roupc configuration chosen at run time: the PE loads a [[RoupCode]] with
 * its weight, decodes it once ([[RoupCodeDecoder]]), and multiplies with the word-wide
 * [[ConfigurableRoupDatapath]].
 */
object ConfigurableRoup extends PeMultiplier {
  override val name: String = "Configurable"
  override val codeBits: Int = RoupCode.INSTANCE.bits
  override val productBits: Int = RoupDatapath.Width

  override def load(weight: SInt, code: UInt): UInt = {
    val (settings, p) = RoupCodeDecoder.decode(code)
    val state = Wire(new ConfigurableRoupState)
    for (j <- 0 until Booth.Digits) {
      // perforated digits are stored as all-zero selects: their rows are constant 0
      val e = Booth.encodeDigit(weight.asUInt, j)
      val keep = p <= j.U
      state.sel(j).neg := e.neg && keep
      state.sel(j).one := e.one && keep
      state.sel(j).two := e.two && keep
    }
    state.settings := settings
    state.asUInt
  }

  override def product(act: SInt, stored: UInt): SInt = {
    val state = stored.asTypeOf(new ConfigurableRoupState)
    ConfigurableRoupDatapath.product(act, j => state.sel(j), state.settings).asSInt
  }
}
