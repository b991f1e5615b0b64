package org.maxdnn.flow;

import java.nio.file.Path;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.Selection;
import org.maxdnn.map.ApproxMap;

/**
 * Stage 3, the map the rest of the flow builds: the exploration's MAx-DNN point kept within the loss
 * bound with the uncertainty ({@link Selection}), or the exact map when none is; and the ALWANN
 * baseline's point picked the same way. Written as map files.
 */
public final class PickMap {
    /** The chosen point (null: none, the exact map) and its map file. */
    public record Picked(Explorer.Point point, ApproxMap map, Path file) {
    }

    private PickMap() {
    }

    public static Picked pick(ExploreMaps.Explored explored, Path file) {
        return write(explored.chosen().chosen(), file);
    }

    /**
     * The ALWANN baseline's point kept within {@code maxLossPts} the same way ({@link Selection}; the
     * exact map when none); null when the baseline was not searched.
     */
    public static Picked alwann(ExploreMaps.Explored explored, double maxLossPts, Path file) {
        Selection s = explored.result().baseline(maxLossPts);
        return s == null ? null : write(s.chosen(), file);
    }

    private static Picked write(Explorer.Point p, Path file) {
        ApproxMap map = p != null ? p.map() : ApproxMap.exact();
        map.write(file);
        return new Picked(p, map, file);
    }
}
