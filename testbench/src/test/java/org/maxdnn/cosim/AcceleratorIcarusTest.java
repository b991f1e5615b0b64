package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.testing.RequiresTools;

/**
 * The second opinion: the accelerator with macro memories (their behavioural model) in Icarus runs a
 * padded, strided convolution with two reduction folds and runtime rounding as the golden model does.
 */
@RequiresTools({"iverilog"})
class AcceleratorIcarusTest {
    @Test
    void aPaddedStridedConvolutionMatchesTheGoldenModelInIcarus() {
        AcceleratorConfig config = new AcceleratorConfig(ArrayConfig.configurable(4, 4), 256, 64, 64, 16, 2,
                AcceleratorConfig.MemoryStyle.MACROS);
        MultiplierRegistry registry = new MultiplierRegistry(null);
        AcceleratorCosimTest.registry = registry;
        Random rnd = new Random(4);
        ConvLayer l = AcceleratorCosimTest.randomLayer(rnd, OpType.CONV_2D, 5, 5, 2, 3, 2, 2, 1, 1, true);
        byte[] input = new byte[l.inH() * l.inW() * l.inC()];
        rnd.nextBytes(input);
        MultiplierConfig[][] kernels = AcceleratorCosimTest.randomKernels(rnd, l);
        try (AcceleratorDriver driver = new AcceleratorDriver(config, AcceleratorRtl.simulationVerilog(config, null),
                registry, CosimDriver.Simulator.ICARUS)) {
            assertArrayEquals(AcceleratorCosimTest.golden(l, kernels, input), driver.layer(l, kernels, input));
        }
    }
}
