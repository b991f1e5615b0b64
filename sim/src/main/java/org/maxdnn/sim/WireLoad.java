package org.maxdnn.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * A liberty {@code wire_load} model: a net with fanout f has length {@code fanout_length(f)} (beyond
 * the table: the last length plus {@code slope} per extra fanout) and capacitance length ×
 * {@code capacitance} (library capacitance units per unit length).
 */
public record WireLoad(String name, double capacitancePerLength, double slope, Map<Integer, Double> fanoutLength) {
    public WireLoad {
        fanoutLength = new TreeMap<>(fanoutLength);
    }

    /** Wire capacitance of a net with {@code fanout} loads, in library capacitance units. */
    public double capacitance(int fanout) {
        if (fanout <= 0) {
            return 0.0;
        }
        return length(fanout) * capacitancePerLength;
    }

    public double length(int fanout) {
        Double exact = fanoutLength.get(fanout);
        if (exact != null) {
            return exact;
        }
        TreeMap<Integer, Double> t = (TreeMap<Integer, Double>) fanoutLength;
        if (t.isEmpty()) {
            return slope * fanout;
        }
        Map.Entry<Integer, Double> below = t.floorEntry(fanout);
        Map.Entry<Integer, Double> above = t.ceilingEntry(fanout);
        if (below == null) {
            return above.getValue() - slope * (above.getKey() - fanout);
        }
        if (above == null) {
            return below.getValue() + slope * (fanout - below.getKey());
        }
        double f = (double) (fanout - below.getKey()) / (above.getKey() - below.getKey());
        return below.getValue() + f * (above.getValue() - below.getValue());
    }
}
