package org.maxdnn.energy;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a component of the hardware does once, the key of action counts and of the energy per
 * action (Accelergy's ERT key): a component, an action and the arguments its energy depends on
 * (a memory's width, a PE group). A new kind of action is a new key and a new row of the
 * {@link ActionEnergyTable}, nothing else.
 *
 * @param arguments name → value, compared in name order
 */
public record Action(String component, String action, SortedMap<String, String> arguments) {
    private static final String NAME = "[a-z][a-z0-9_]*";

    public Action {
        if (!component.matches(NAME) || !action.matches(NAME)) {
            throw new IllegalArgumentException("component and action are lower-case names: " + component + "," + action);
        }
        arguments.forEach((k, v) -> {
            if (!k.matches(NAME) || v.isEmpty() || v.matches(".*[,;=\\s].*")) {
                throw new IllegalArgumentException("argument " + k + "=" + v + " of " + component + "," + action
                        + ": a lower-case name and a value without ',', ';', '=' or spaces");
            }
        });
        arguments = Collections.unmodifiableSortedMap(new TreeMap<>(arguments));
    }

    public static Action of(String component, String action) {
        return new Action(component, action, new TreeMap<>());
    }

    /** The same action with one more argument. */
    public Action with(String argument, String value) {
        TreeMap<String, String> a = new TreeMap<>(arguments);
        a.put(argument, value);
        return new Action(component, action, a);
    }

    /** The arguments as written in a table: {@code name=value;name=value}, "" for none. */
    public String argumentsText() {
        return arguments.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** Arguments as {@link #argumentsText} writes them. */
    public static SortedMap<String, String> parseArguments(String text) {
        TreeMap<String, String> out = new TreeMap<>();
        if (text.isBlank()) {
            return out;
        }
        for (String pair : text.split(";")) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2 || out.put(kv[0].strip(), kv[1].strip()) != null) {
                throw new IllegalArgumentException("arguments are name=value;name=value with each name once, not '"
                        + text + "'");
            }
        }
        return out;
    }

    /** {@code component,action}, then the arguments in brackets when there are any. */
    @Override
    public String toString() {
        return component + "," + action + (arguments.isEmpty() ? "" : "(" + argumentsText() + ")");
    }

    /** Unmodifiable copies keep their order; {@link Map#copyOf} does not, hence this for count and table maps. */
    static <V> Map<Action, V> ordered(Map<Action, V> m) {
        return Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }
}
