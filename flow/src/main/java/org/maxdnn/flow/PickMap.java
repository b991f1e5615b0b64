package org.maxdnn.flow;

import java.nio.file.Path;
import org.maxdnn.explore.Explorer;
import org.maxdnn.map.ApproxMap;

/**
 * Stage 3, the map the rest of the flow builds: the exploration's MAx-DNN point with the largest
 * saving within the loss bound, or the exact map when none kept within it; and the ALWANN
 * baseline's point picked the same way. Written as map files.
 */
public final class PickMap {
    /** The chosen point (null: none, the exact map) and its map file. */
    public record Picked(Explorer.Point point, ApproxMap map, Path file) {
    }

    private PickMap() {
    }

    public static Picked pick(ExploreMaps.Explored explored, Path file) {
        return write(explored.chosen(), file);
    }

    /**
     * The ALWANN baseline's point with the largest saving within {@code maxLossPts} (the exact map
     * when none); null when the baseline was not searched.
     */
    public static Picked alwann(ExploreMaps.Explored explored, double maxLossPts, Path file) {
        Explorer.Front f = explored.result().front("alwann");
        return f == null ? null : write(f.best(maxLossPts), file);
    }

    private static Picked write(Explorer.Point p, Path file) {
        ApproxMap map = p != null ? p.map() : ApproxMap.exact();
        map.write(file);
        return new Picked(p, map, file);
    }
}
