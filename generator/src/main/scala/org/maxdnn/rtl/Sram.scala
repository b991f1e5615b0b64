package org.maxdnn.rtl

import chisel3._
import chisel3.experimental.{ExtModule, IntParam}
import chisel3.util.log2Ceil

/** The ports of every accelerator memory: one write and one read per cycle, read data the cycle after the address. */
class SramPorts(depth: Int, dataBits: Int) extends Bundle {
  val writeEnable = Input(Bool())
  val writeAddress = Input(UInt(log2Ceil(depth max 2).W))
  val writeData = Input(UInt(dataBits.W))
  val readEnable = Input(Bool())
  val readAddress = Input(UInt(log2Ceil(depth max 2).W))
  val readData = Output(UInt(dataBits.W))
}

/**
 * A 1R1W memory (SPEC §13): a Chisel memory, which firtool emits as behavioural Verilog and Yosys
 * maps to flip-flops, or with `macro` an instance of the black box `maxdnn_sram_1r1w`
 * (rtl-templates' `maxdnn_sram_1r1w.v` is its behavioural model), where a user's SRAM macro plugs in.
 */
class Sram(depth: Int, width: Int, useMacro: Boolean) extends Module {
  override def desiredName: String = s"Sram_${depth}x$width"
  val io = IO(new SramPorts(depth, width))

  if (useMacro) {
    val m = Module(new SramMacro(depth, width))
    m.clock := clock
    m.we := io.writeEnable
    m.waddr := io.writeAddress
    m.wdata := io.writeData
    m.re := io.readEnable
    m.raddr := io.readAddress
    io.readData := m.rdata
  } else {
    val mem = SyncReadMem(depth, UInt(width.W))
    when(io.writeEnable) {
      mem.write(io.writeAddress, io.writeData)
    }
    io.readData := mem.read(io.readAddress, io.readEnable)
  }
}

/** The black box a real SRAM replaces: `maxdnn_sram_1r1w #(DEPTH, WIDTH, ADDR_BITS)`, ports as docs/design/accelerator.md. */
class SramMacro(depth: Int, width: Int) extends ExtModule(Map(
  "DEPTH" -> IntParam(depth), "WIDTH" -> IntParam(width), "ADDR_BITS" -> IntParam(log2Ceil(depth max 2)))) {
  override def desiredName: String = "maxdnn_sram_1r1w"
  val clock = IO(Input(Clock()))
  val we = IO(Input(Bool()))
  val waddr = IO(Input(UInt(log2Ceil(depth max 2).W)))
  val wdata = IO(Input(UInt(width.W)))
  val re = IO(Input(Bool()))
  val raddr = IO(Input(UInt(log2Ceil(depth max 2).W)))
  val rdata = IO(Output(UInt(width.W)))
}
