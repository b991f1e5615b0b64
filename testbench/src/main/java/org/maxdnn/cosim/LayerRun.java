package org.maxdnn.cosim;

import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.ScaleSimModel;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.model.OpType;

/**
 * What one layer took on the array over a cosimulation run: its tiling's folds (tiles), the weight
 * loads over all batches, the MACs, the clock cycles the RTL ran for it, those its {@link Tiling}
 * predicts, SCALE-Sim's analytical count with the terms that explain the difference, and the tile
 * outputs that mismatched.
 */
public record LayerRun(String layer, OpType op, int tiles, long weightLoads, long macs, long cycles, long tilingCycles,
                       ScaleSimModel.Comparison scaleSim, int pes, long tileMismatches) {
    /** MACs over the PE-cycles the RTL spent. */
    public double utilisation() {
        return (double) macs / ((double) cycles * pes);
    }

    /** Sums a layer's batches. */
    static final class Sum {
        private final ConvLayer layer;
        private final ArrayConfig array;
        private int tiles;
        private long loads;
        private long macs;
        private long cycles;
        private long tilingCycles;
        private long scaleSim;
        private long registers;
        private long packing;
        private long mismatches;

        Sum(ConvLayer layer, ArrayConfig array) {
            this.layer = layer;
            this.array = array;
        }

        /** A batch of {@code inputs} inputs through {@code tiling}, for which the RTL ran {@code rtlCycles}. */
        void add(Tiling tiling, int inputs, long rtlCycles) {
            int vectors = inputs * tiling.view().m();
            tiles = tiling.folds().size();
            loads += tiles;
            macs += layer.macs() * inputs;
            cycles += rtlCycles;
            tilingCycles += tiling.cycles(vectors);
            ScaleSimModel.Comparison c = ScaleSimModel.compare(tiling, vectors, rtlCycles);
            scaleSim += c.scaleSimCycles();
            registers += c.registers();
            packing += c.packing();
        }

        void mismatches(int count) {
            mismatches += count;
        }

        LayerRun run() {
            return new LayerRun(layer.name(), layer.op(), tiles, loads, macs, cycles, tilingCycles,
                    new ScaleSimModel.Comparison(layer.name(), cycles, scaleSim, registers, packing),
                    array.rows() * array.cols(), mismatches);
        }
    }
}
