package org.maxdnn.flow;

import java.nio.file.Path;
import org.maxdnn.explore.Explorer;
import org.maxdnn.map.ApproxMap;

/**
 * Stage 3, the map the rest of the flow builds: the exploration's MAx-DNN point with the largest
 * saving within the loss bound, or the exact map when none kept within it. Written as a map file.
 */
public final class PickMap {
    /** The chosen point (null: none, the exact map) and its map file. */
    public record Picked(Explorer.Point point, ApproxMap map, Path file) {
    }

    private PickMap() {
    }

    public static Picked pick(ExploreMaps.Explored explored, Path file) {
        Explorer.Point p = explored.chosen();
        ApproxMap map = p != null ? p.map() : ApproxMap.exact();
        map.write(file);
        return new Picked(p, map, file);
    }
}
