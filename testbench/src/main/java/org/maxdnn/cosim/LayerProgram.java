package org.maxdnn.cosim;

import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.accel.LayerDescriptor;
import org.maxdnn.array.GemmView;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * What the host writes into the accelerator for one layer (SPEC §13): its folds' weights and
 * configuration codes in {@link Tiling} order, a row of the array per weight word; per output channel
 * the bias with the zero-point term folded in offline with each kernel's own multiplier (SPEC §4:
 * bias − Σ_k f(x_zp, w), which makes padded taps, fed x_zp, add nothing), the Q31 multiplier and the
 * shift; and the layer's descriptor.
 */
final class LayerProgram {
    private final AcceleratorConfig config;
    private final ConvLayer layer;
    private final Tiling tiling;
    /** Per weight word (fold·rows + row), per column: weight | code << 8. */
    private final int[][] words;
    private final int[] parameters;

    LayerProgram(AcceleratorConfig config, ConvLayer layer, MultiplierConfig[][] kernels, MultiplierRegistry registry) {
        this.config = config;
        this.layer = layer;
        String misfit = config.misfit(layer);
        if (misfit != null) {
            throw MaxdnnException.badInput("layer " + layer.name() + " does not fit the accelerator " + config.moduleName()
                    + ": " + misfit);
        }
        GemmView view = GemmViews.of(layer);
        this.tiling = Tiling.of(view, config.array());
        int rows = config.array().rows();
        int cols = config.array().cols();
        boolean codes = config.array().isConfigurable();
        words = new int[tiling.folds().size() * rows][cols];
        int word = 0;
        for (Tiling.Fold f : tiling.folds()) {
            for (int r = 0; r < rows; r++, word++) {
                for (int c = 0; c < cols; c++) {
                    MultiplierConfig m = tiling.config(f, r, c, kernels);
                    if (!tiling.used(f, r, c) && !addsNothingAtWeightZero(registry, m)) {
                        throw MaxdnnException.badInput("layer " + layer.name() + ": the fixed array's PE (" + r + "," + c
                                + ") multiplier " + m.name() + " adds f(a, 0) != 0 when idle, which the accelerator's foot "
                                + "does not remove; run it on the configurable array");
                    }
                    int code = codes ? config.array().code().code(m) : 0;
                    words[word][c] = (tiling.weight(f, r, c) & 0xFF) | code << 8;
                }
            }
        }
        int outC = layer.outC();
        int[] bias = layer.bias().clone();
        for (int g = 0; g < view.groups(); g++) {
            for (int n = 0; n < view.n(); n++) {
                int oc = view.outputChannel(g, n);
                for (int k = 0; k < view.k(); k++) {
                    bias[oc] -= registry.get(kernels[oc][view.kernelColumn(k)]).multiply(layer.inZeroPoint(),
                            view.weight(g, k, n));
                }
            }
        }
        parameters = new int[4 * outC];
        for (int oc = 0; oc < outC; oc++) {
            parameters[4 * oc + HostInterface.BIAS] = bias[oc];
            parameters[4 * oc + HostInterface.MULTIPLIER] = layer.requant()[oc].multiplier();
            parameters[4 * oc + HostInterface.SHIFT] = layer.requant()[oc].shift();
        }
    }

    private static boolean addsNothingAtWeightZero(MultiplierRegistry registry, MultiplierConfig m) {
        for (int a = -128; a < 128; a++) {
            if (registry.get(m).multiply(a, 0) != 0) {
                return false;
            }
        }
        return true;
    }

    ConvLayer layer() {
        return layer;
    }

    Tiling tiling() {
        return tiling;
    }

    /** The weights from word {@code weightBase}, the parameters from entry {@code parameterBase}. */
    HostCommands writeTables(HostCommands host, int weightBase, int parameterBase) {
        int colBits = HostInterface.columnBits(config.array().cols());
        for (int w = 0; w < words.length; w++) {
            host.write(HostInterface.address(HostInterface.WEIGHTS, (weightBase + w) << colBits), words[w]);
        }
        return host.write(HostInterface.address(HostInterface.PARAMETERS, parameterBase << 2), parameters);
    }

    /** The descriptor into slot {@code slot}. */
    HostCommands writeDescriptor(HostCommands host, int slot, LayerDescriptor d) {
        return host.write(HostInterface.address(HostInterface.DESCRIPTORS, slot * LayerDescriptor.WORDS), d.words());
    }

    /** This layer's descriptor with its tensors and tables at the given places. */
    LayerDescriptor descriptor(boolean halt, int input, int output, int weightBase, int parameterBase) {
        return LayerDescriptor.of(layer, tiling, halt, input, output, weightBase, parameterBase);
    }
}
