package org.maxdnn.cosim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.array.ScaleSimModel;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Workspace;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Whole inferences through the generated accelerator (SPEC §13), the host's side: for each conv,
 * depthwise and FC layer the host writes its weights, parameters and descriptor (and its input, when
 * the accelerator does not hold it already from the layer before), starts the sequencer, waits for
 * done, reads the counters and the int8 output tensor, and compares it with the golden model's bit for
 * bit; the other operators (ADD, pooling, reshape, softmax) run on the host in the golden model, as a
 * CPU beside the accelerator would. Each layer's input sits in one activation bank and its output goes
 * to the other.
 */
public final class AcceleratorDriver implements AutoCloseable {
    /** What a run did and found. */
    public record Report(int images, List<AcceleratorLayerRun> layers, long mismatchCount, List<Mismatch> mismatches,
                         double seconds) {
        /** The sequencer's cycles per input over every layer. */
        public double cyclesPerInference() {
            return (double) layers.stream().mapToLong(AcceleratorLayerRun::cycles).sum() / Math.max(1, images);
        }

        public double inferencesPerSecond() {
            return images / seconds;
        }

        public String layersCsv() {
            StringBuilder s = new StringBuilder(AcceleratorLayerRun.CSV_HEADER).append('\n');
            layers.forEach(l -> s.append(l.csvRow()).append('\n'));
            return s.toString();
        }
    }

    private final AcceleratorConfig config;
    private final String verilog;
    private final MultiplierRegistry registry;
    private final AcceleratorSimulator sim;
    private MismatchLog log = new MismatchLog();
    private HostCommands firstBadLayer;
    /** The tensor each activation bank holds (-1: none known). */
    private final int[] resident = {-1, -1};

    /** Builds (or reuses) the simulation of {@code verilog}, the accelerator's simulation Verilog. */
    public AcceleratorDriver(AcceleratorConfig config, String verilog, MultiplierRegistry registry,
                             CosimDriver.Simulator simulator) {
        this.config = config;
        this.verilog = verilog;
        this.registry = registry;
        this.sim = simulator == CosimDriver.Simulator.ICARUS
                ? new IcarusAccelerator(IcarusAcceleratorBench.build(config, verilog))
                : new VerilatorAccelerator(AcceleratorHarness.build(config, verilog, false), List.of());
    }

    /** Runs a host program on the accelerator (tests of descriptor lists the network run does not use). */
    byte[] execute(HostCommands commands) {
        resident[0] = resident[1] = -1;
        return sim.execute(commands);
    }

    /** Cosimulates whole inferences of {@code images} under {@code golden}'s map; {@code progress} gets the images done. */
    public Report network(InferencePlan golden, List<LabeledImage> images, IntConsumer progress) {
        Network net = golden.network();
        log = new MismatchLog();
        // the host's tables of this map (a driver may run several maps)
        Map<ConvLayer, LayerProgram> programs = new HashMap<>();
        Map<ConvLayer, long[]> counters = new LinkedHashMap<>();
        Map<ConvLayer, Long> mismatches = new HashMap<>();
        for (ConvLayer l : net.weightedLayers()) {
            programs.computeIfAbsent(l, k -> new LayerProgram(config, k, golden.map().resolve(k), registry));
            counters.put(l, new long[HostInterface.COUNTERS_NAMES.size()]);
        }
        long t0 = System.nanoTime();
        Workspace gws = golden.newWorkspace();
        Workspace ws = golden.newWorkspace();
        for (int image = 0; image < images.size(); image++) {
            byte[] pixels = images.get(image).pixels();
            golden.run(pixels, gws, null);
            Object[] expected = gws.snapshot();
            golden.setInput(pixels, ws);
            resident[0] = resident[1] = -1;
            List<Layer> layers = net.layers();
            int ordinal = 0;
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof ConvLayer c) {
                    byte[] want = (byte[]) expected[c.output()];
                    long bad = runLayer(programs.get(c), ordinal++, ws.tensor(c.input()), ws.tensor(c.output()), want,
                            image, counters.get(c));
                    mismatches.merge(c, bad, Long::sum);
                    if (bad > 0) {
                        // continue from the golden model's output, so later layers are checked on their own
                        System.arraycopy(want, 0, ws.tensor(c.output()), 0, want.length);
                        resident[0] = resident[1] = -1;
                    }
                } else {
                    golden.runLayer(i, ws);
                }
            }
            compareOutputs(net, image, expected, ws);
            if (progress != null) {
                progress.accept(image + 1);
            }
        }
        List<AcceleratorLayerRun> runs = new ArrayList<>();
        for (Map.Entry<ConvLayer, long[]> e : counters.entrySet()) {
            LayerProgram p = programs.get(e.getKey());
            long tilingCycles = images.isEmpty() ? 0 : p.tiling().cycles(p.tiling().view().m()) * images.size();
            long scaleSim = images.isEmpty() ? 0
                    : ScaleSimModel.cycles(p.tiling().view(), config.array(), p.tiling().view().m()) * images.size();
            runs.add(new AcceleratorLayerRun(e.getKey().name(), e.getKey().op(), p.tiling().folds().size(),
                    e.getKey().macs() * images.size(), AcceleratorLayerRun.named(e.getValue()), tilingCycles, scaleSim,
                    mismatches.getOrDefault(e.getKey(), 0L)));
        }
        return new Report(images.size(), runs, log.count(), log.kept(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One layer alone on {@code input} under {@code kernels}: the int8 output tensor the accelerator
     * wrote (for checks of the address generation and the foot against the golden model).
     */
    public byte[] layer(ConvLayer layer, org.maxdnn.mult.MultiplierConfig[][] kernels, byte[] input) {
        LayerProgram p = new LayerProgram(config, layer, kernels, registry);
        byte[] out = new byte[layer.outH() * layer.outW() * layer.outC()];
        resident[0] = resident[1] = -1;
        log = new MismatchLog();
        runLayer(p, 0, input, out, null, 0, new long[HostInterface.COUNTERS_NAMES.size()]);
        return out;
    }

    /** One layer through the accelerator; returns its outputs that differ from {@code expected} (null: none compared). */
    private long runLayer(LayerProgram p, int ordinal, byte[] in, byte[] out, byte[] expected, int image, long[] counters) {
        ConvLayer c = p.layer();
        HostCommands setup = new HostCommands();
        int inBank = resident[0] == c.input() ? 0 : resident[1] == c.input() ? 1 : -1;
        boolean writeInput = inBank < 0 || !sim.keepsState();
        if (writeInput) {
            inBank = 0;
        }
        int outBank = 1 - inBank;
        int tables = ordinal % 2;
        int weightBase = tables * config.weightWords();
        int parameterBase = tables * config.parameterEntries();
        int slot = ordinal % config.descriptors();
        p.writeTables(setup, weightBase, parameterBase);
        p.writeDescriptor(setup, slot, p.descriptor(true, inBank * config.activationBytes(),
                outBank * config.activationBytes(), weightBase, parameterBase));
        HostCommands input = new HostCommands();
        input.write(HostInterface.address(HostInterface.ACTIVATIONS, inBank * config.activationBytes()),
                bytesAsWords(in));
        HostCommands run = new HostCommands()
                .write(HostInterface.address(HostInterface.REGISTERS, HostInterface.REG_START), slot)
                .run(cycleLimit(p))
                .read(HostInterface.address(HostInterface.COUNTERS, 0), HostInterface.COUNTERS_NAMES.size())
                .read(HostInterface.address(HostInterface.ACTIVATIONS, outBank * config.activationBytes()), out.length);
        // counters from here: the host's writes of this layer count as its memory writes
        HostCommands all = new HostCommands().write(
                HostInterface.address(HostInterface.REGISTERS, HostInterface.REG_CLEAR_COUNTERS), 0);
        if (writeInput) {
            all.append(input);
        }
        all.append(setup).append(run);
        ByteBuffer r = ByteBuffer.wrap(sim.execute(all)).order(ByteOrder.LITTLE_ENDIAN);
        long ran = r.getLong();
        if (r.get() != 1) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "layer " + c.name() + " of image " + image
                    + ": the accelerator did not raise done within " + ran + " cycles");
        }
        for (int i = 0; i < counters.length; i++) {
            counters[i] += Integer.toUnsignedLong(r.getInt());
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) r.getInt();
        }
        resident[inBank] = c.input();
        resident[outBank] = c.output();
        long bad = 0;
        for (int i = 0; expected != null && i < out.length; i++) {
            if (out[i] != expected[i]) {
                int pixel = i / c.outC();
                log.record(new Mismatch("int8", image, c.name(), null, pixel, pixel / c.outW(), pixel % c.outW(), -1,
                        i % c.outC(), expected[i], out[i]));
                bad++;
            }
        }
        if (bad > 0 && firstBadLayer == null) {
            firstBadLayer = new HostCommands().append(input).append(setup).append(run);
        }
        return bad;
    }

    /** Generous: every fold's preload, vectors and drain, twice over. */
    private long cycleLimit(LayerProgram p) {
        long perFold = config.array().rows() + 2 + (long) p.tiling().view().m() * config.lastFoldVectorPeriod()
                + config.array().latency() + config.array().cols() + 8;
        return 2 * (p.tiling().folds().size() * perFold + 64);
    }

    private static int[] bytesAsWords(byte[] b) {
        int[] w = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            w[i] = b[i] & 0xFF;
        }
        return w;
    }

    private void compareOutputs(Network net, int image, Object[] expected, Workspace ws) {
        if (!(expected[net.outputTensor()] instanceof byte[] want)) {
            return; // a float output follows from the int8 tensors compared before it
        }
        byte[] got = ws.tensor(net.outputTensor());
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i]) {
                log.record(new Mismatch("output", image, null, null, -1, -1, -1, -1, i, want[i], got[i]));
            }
        }
    }

    /**
     * Replays the first layer with a mismatching output, alone from reset, in a traced build of the
     * harness and writes its waveform; returns false when no layer mismatched.
     */
    public boolean writeVcdOfFirstMismatch(Path vcd) {
        if (firstBadLayer == null) {
            return false;
        }
        Path binary = AcceleratorHarness.build(config, verilog, true);
        try (VerilatorAccelerator traced = new VerilatorAccelerator(binary, List.of("--vcd", vcd.toAbsolutePath().toString()))) {
            traced.execute(firstBadLayer);
        }
        return true;
    }

    @Override
    public void close() {
        sim.close();
    }
}
