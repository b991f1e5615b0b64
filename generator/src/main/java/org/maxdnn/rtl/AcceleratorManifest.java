package org.maxdnn.rtl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.accel.LayerDescriptor;

/**
 * The JSON manifest beside an accelerator's Verilog: the array's own manifest, the host interface
 * (ports, registers, memory map, counters) and the descriptor format, rendered from the
 * {@link AcceleratorConfig} and {@link HostInterface} so a driver can be written from it alone.
 */
public final class AcceleratorManifest {
    private AcceleratorManifest() {
    }

    public static String json(AcceleratorConfig c) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("hostInterfaceVersion", AcceleratorConfig.HOST_INTERFACE_VERSION);
        root.put("module", c.moduleName());
        root.put("memories", c.memories() == AcceleratorConfig.MemoryStyle.FLOPS ? "flip-flops (behavioural Chisel memories)"
                : "black boxes maxdnn_sram_1r1w #(DEPTH, WIDTH, ADDR_BITS) (clock, we, waddr, wdata, re, raddr, rdata), model in "
                + AcceleratorRtl.SRAM_MODEL);
        root.put("vectorPeriodCycles", c.vectorPeriod());
        root.put("requantiserCycles", c.requantiserCycles());
        root.put("counterBits", c.counterBits());
        root.put("lastFoldVectorPeriodCycles", c.lastFoldVectorPeriod());
        try {
            root.set("array", om.readTree(ArrayManifest.json(c.array())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode ports = root.putObject("ports");
        ports.put("clock", "input, rising edge");
        ports.put("reset", "input, synchronous, active high");
        ports.put("hostAddress", "input [31:0]: region in bits 31..28, index below");
        ports.put("hostWriteData", "input [31:0]");
        ports.put("hostWrite", "input: write hostWriteData at hostAddress this cycle");
        ports.put("hostRead", "input: read hostAddress this cycle");
        ports.put("hostReadData", "output [31:0]: the read's data, the cycle after hostRead");
        ports.put("done", "output: high after a descriptor with halt set finished, until the host starts or clears it");

        ObjectNode map = root.putObject("memoryMap");
        map.put("0x0", "registers: 0 start (write descriptor index, clears done), 1 status (read: bit 0 busy, bit 1 done, "
                + "31..16 descriptor index; write: clear done), 2 clear counters (write), 3 version (read), 4 rows | cols << 16 (read)");
        map.put("0x1", "activation memory, byte per address, 2 banks of " + c.activationBytes() + " bytes (bank = index / "
                + c.activationBytes() + "); host access only while not busy");
        map.put("0x2", "weight memory (write only): index = word << " + HostInterface.columnBits(c.array().cols())
                + " | column, data = weight[7:0] | code << 8; 2 banks of " + c.weightWords() + " words (a word = a row of the array)");
        map.put("0x3", "parameter memory (write only): index = entry << 2 | field (0 bias int32, 1 multiplier Q31, 2 shift int8); "
                + "2 banks of " + c.parameterEntries() + " entries");
        map.put("0x4", "descriptor memory (write only): index = descriptor << 4 | word; " + c.descriptors() + " descriptors");
        map.put("0x5", "counters (read only, 32-bit wrapping), index as in counters");
        ArrayNode counters = root.putArray("counters");
        HostInterface.COUNTERS_NAMES.forEach(counters::add);
        root.put("accumulatorWords", c.accumulatorWords());

        ArrayNode words = root.putArray("descriptorWords");
        for (String w : DESCRIPTOR_WORDS) {
            words.add(w);
        }
        root.put("descriptorWordCount", LayerDescriptor.WORDS);
        try {
            return om.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The descriptor's words, as {@link LayerDescriptor#words()} lays them out. */
    static final String[] DESCRIPTOR_WORDS = {
        "0: bit 0 halt after this layer (raise done), bit 1 single rounding (runtime variant)",
        "1: inH[15:0] | inW[31:16]",
        "2: inC[15:0] | outC[31:16]",
        "3: outH[15:0] | outW[31:16]",
        "4: kh[7:0] | kw[15:8] | strideH[23:16] | strideW[31:24]",
        "5: padTop[7:0] | padLeft[15:8] | inZeroPoint[23:16] | outZeroPoint[31:24] (int8)",
        "6: actMin[7:0] | actMax[15:8] (int8 clamp)",
        "7: groups[15:0] | groupsPerFold[31:16]",
        "8: K[15:0] (reduction per group) | N[31:16] (output channels per group)",
        "9: filter depth (input channels per group)",
        "10: input tensor, activation-memory byte address (HWC int8)",
        "11: output tensor, activation-memory byte address (HWC int8)",
        "12: first weight word of the layer's folds",
        "13: first parameter entry (output channel 0)",
        "14: M, output pixels (outH * outW)",
        "15: reserved, 0"
    };
}
