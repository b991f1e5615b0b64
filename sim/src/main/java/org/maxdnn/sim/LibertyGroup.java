package org.maxdnn.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of a liberty file as written, before any meaning is attached: {@code type (args) {
 * simple : value; complex (v1, v2); subgroups }}. {@link LibertyParser} builds the tree and
 * {@link LibertyInterpreter} reads the parts it understands out of it; everything else stays
 * available here.
 */
public final class LibertyGroup {
    private final String type;
    private final List<String> args;
    private final int line;
    private final Map<String, String> simple = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> complex = new LinkedHashMap<>();
    private final List<LibertyGroup> groups = new ArrayList<>();

    public LibertyGroup(String type, List<String> args, int line) {
        this.type = type;
        this.args = List.copyOf(args);
        this.line = line;
    }

    public String type() {
        return type;
    }

    public List<String> args() {
        return args;
    }

    /** The first argument (the name of a cell, pin, template), or null when there is none. */
    public String name() {
        return args.isEmpty() ? null : args.get(0);
    }

    /** Line of the group's header in the file, for error messages. */
    public int line() {
        return line;
    }

    void putSimple(String name, String value) {
        simple.put(name, value);
    }

    void addComplex(String name, List<String> values) {
        complex.computeIfAbsent(name, k -> new ArrayList<>()).add(List.copyOf(values));
    }

    void addGroup(LibertyGroup g) {
        groups.add(g);
    }

    /** A simple attribute's value (quotes removed), or null. The last one wins when repeated. */
    public String simple(String name) {
        return simple.get(name);
    }

    /** The values of the first complex attribute called {@code name}, or null. */
    public List<String> complex(String name) {
        List<List<String>> all = complex.get(name);
        return all == null ? null : all.get(0);
    }

    /** Every occurrence of a complex attribute (e.g. {@code fanout_length}). */
    public List<List<String>> complexAll(String name) {
        return complex.getOrDefault(name, List.of());
    }

    public List<LibertyGroup> groups() {
        return Collections.unmodifiableList(groups);
    }

    public List<LibertyGroup> groups(String groupType) {
        List<LibertyGroup> out = new ArrayList<>();
        for (LibertyGroup g : groups) {
            if (g.type.equals(groupType)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The first subgroup of that type, or null. */
    public LibertyGroup group(String groupType) {
        for (LibertyGroup g : groups) {
            if (g.type.equals(groupType)) {
                return g;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return type + "(" + String.join(",", args) + ") at line " + line;
    }
}
