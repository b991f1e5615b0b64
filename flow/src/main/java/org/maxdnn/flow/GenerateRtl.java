package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.rtl.Circuits;
import org.maxdnn.rtl.RtlGenerator;

/**
 * Stage 4, RTL: the configurable array (runs any map), fixed arrays with a layer's configurations
 * baked in (where the layer's map allows one, {@link Tiling#fixedArray}), the accelerator around an
 * array, and standalone multiplier modules, each written with its manifest. A thin layer over the generator's {@link RtlGenerator}.
 * {@code assets} (may be null) is where EvoApprox circuits come from.
 */
public final class GenerateRtl {
    /** An array written: its configuration, Verilog and manifest, and the seconds elaboration and emission took. */
    public record Array(ArrayConfig design, RtlGenerator.ArrayFiles files, double seconds) {
    }

    /**
     * The RTL of a map: the configurable array, a fixed array for each conv layer whose map it can
     * hold over every fold, and for the other layers why not.
     */
    public record Generated(Array configurable, List<Array> fixed, List<String> noFixed) {
        /** The Verilog files written, configurable first. */
        public List<Path> verilog() {
            List<Path> out = new ArrayList<>(List.of(configurable.files().verilog()));
            fixed.forEach(f -> out.add(f.files().verilog()));
            return out;
        }
    }

    private GenerateRtl() {
    }

    /** An accelerator written: its configuration, files, and the seconds elaboration and emission took. */
    public record Accelerator(AcceleratorConfig config, AcceleratorRtl.Files files, double seconds) {
    }

    /** Writes the accelerator's Verilog, manifest and (with macros) the memory model. */
    public static Accelerator accelerator(AcceleratorConfig config, Assets assets, Path out) {
        long t0 = System.nanoTime();
        AcceleratorRtl.Files files = AcceleratorRtl.write(config, assets, out);
        return new Accelerator(config, files, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The accelerator around {@code array} whose memories hold every layer of the five bundled MLPerf
     * Tiny networks (the defaults of {@code generate --target accelerator} and {@code cosim}).
     */
    public static AcceleratorConfig defaultAccelerator(ArrayConfig array, Assets assets, AcceleratorConfig.MemoryStyle style) {
        List<Network> nets = new ArrayList<>();
        for (BundledModel m : BundledModel.values()) {
            nets.add(Network.load(m.model(assets)));
        }
        return AcceleratorConfig.holding(array, nets, style);
    }

    public static Array write(ArrayConfig design, Assets assets, Path out) {
        long t0 = System.nanoTime();
        RtlGenerator.ArrayFiles files = RtlGenerator.writeArray(design, assets, out);
        return new Array(design, files, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The fixed array that runs every fold of {@code layer} under its map, if the map allows one, of
     * the size and clocking (gated or plain) of {@code array}.
     */
    public static Tiling.FixedArray fixedArray(ConvLayer layer, MultiplierConfig[][] configs, ArrayConfig array) {
        return Tiling.of(GemmViews.of(layer), array).fixedArray(configs);
    }

    /**
     * The configurable array {@code array} and the fixed array of every conv layer of {@code map}
     * that has one, of the same size and clocking.
     */
    public static Generated forMap(Network net, ApproxMap map, ArrayConfig array, Assets assets, Path out,
                                   FlowListener listener) {
        Array conf = write(array, assets, out);
        List<Array> fixed = new ArrayList<>();
        List<String> noFixed = new ArrayList<>();
        for (ConvLayer l : convLayers(net)) {
            Tiling.FixedArray f = fixedArray(l, map.resolve(l), array);
            if (f.exists()) {
                fixed.add(write(f.array(), assets, out));
            } else {
                noFixed.add(f.why());
            }
        }
        listener.note(String.format(Locale.ROOT, "wrote %s and %d fixed arrays (SystolicArray_<layer>_%dx%d%s) to %s",
                conf.files().verilog().getFileName(), fixed.size(), array.rows(), array.cols(),
                array.gated() ? "_gated" : "", out));
        noFixed.forEach(n -> listener.note("  " + n + "; the configurable array runs it"));
        return new Generated(conf, fixed, noFixed);
    }

    /**
     * The RTL of the ALWANN baseline's layer-level map: a fixed array for each conv layer it gives an
     * EvoApprox circuit, whose PEs instantiate that circuit (with ALWANN's weight tuning).
     */
    public static List<Array> alwann(Network net, ApproxMap map, ArrayConfig array, Assets assets, Path out,
                                     FlowListener listener) {
        List<Array> fixed = new ArrayList<>();
        for (ConvLayer l : convLayers(net)) {
            MultiplierConfig[][] configs = map.resolve(l);
            if (Arrays.stream(configs).flatMap(Arrays::stream).anyMatch(c -> c.table() != null)) {
                // a layer-level map has one configuration per layer: it holds over every fold
                fixed.add(write(fixedArray(l, configs, array).array(), assets, out));
            }
        }
        listener.note(String.format(Locale.ROOT, "wrote %d fixed arrays of the ALWANN map's EvoApprox layers to %s",
                fixed.size(), out));
        return fixed;
    }

    private static List<ConvLayer> convLayers(Network net) {
        return net.weightedLayers().stream().filter(l -> l.op() == OpType.CONV_2D).toList();
    }

    /** The circuits of {@code configs} ({@link Circuits}), one file per module. */
    public static List<Path> multipliers(List<MultiplierConfig> configs, Assets assets, Path out) {
        return Circuits.writeEach(Circuits.of(configs, assets), out);
    }
}
