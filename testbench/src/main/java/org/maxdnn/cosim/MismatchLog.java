package org.maxdnn.cosim;

import java.util.ArrayList;
import java.util.List;

/** Every mismatch counted, the first few kept, and the first mismatching tile (for its waveform). */
final class MismatchLog {
    private static final int KEEP = 20;

    private final List<Mismatch> kept = new ArrayList<>();
    private long count;
    private Tile firstBadTile;

    void record(Mismatch m) {
        count++;
        if (kept.size() < KEEP) {
            kept.add(m);
        }
    }

    void recordTile(Mismatch m, Tile tile) {
        if (firstBadTile == null) {
            firstBadTile = tile;
        }
        record(m);
    }

    long count() {
        return count;
    }

    List<Mismatch> kept() {
        return List.copyOf(kept);
    }

    /** The first tile with a mismatching partial sum, or null. */
    Tile firstBadTile() {
        return firstBadTile;
    }
}
