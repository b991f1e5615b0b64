package org.maxdnn.mult;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.maxdnn.MaxdnnException;

/**
 * The one list of multiplier families: every {@link MultiplierFamily} registered in a
 * {@code META-INF/services/org.maxdnn.mult.MultiplierFamily} file on the class path, the toolkit's
 * own first (in their file's order), then the others (a test's or a user's) as found. Names parse
 * through it, and the catalogue, the metrics table and the exhaustive tests iterate it.
 */
public final class MultiplierFamilies {
    private static final Map<String, MultiplierFamily> BY_ID = load();

    private MultiplierFamilies() {
    }

    private static Map<String, MultiplierFamily> load() {
        CodeSource own = MultiplierFamily.class.getProtectionDomain().getCodeSource();
        List<MultiplierFamily> builtIn = new ArrayList<>();
        List<MultiplierFamily> added = new ArrayList<>();
        // the interface's own class loader: the same families whatever the calling thread's loader
        for (ServiceLoader.Provider<MultiplierFamily> p
                : ServiceLoader.load(MultiplierFamily.class, MultiplierFamily.class.getClassLoader()).stream().toList()) {
            boolean toolkit = Objects.equals(own, p.type().getProtectionDomain().getCodeSource());
            (toolkit ? builtIn : added).add(p.get());
        }
        builtIn.addAll(added);
        Map<String, MultiplierFamily> out = new LinkedHashMap<>();
        for (MultiplierFamily f : builtIn) {
            MultiplierFamily before = out.putIfAbsent(f.id(), f);
            if (before != null) {
                throw new IllegalStateException("two multiplier families named " + f.id() + ": "
                        + before.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return out;
    }

    /** Every registered family, the toolkit's own first. */
    public static List<MultiplierFamily> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The family named {@code id}; a clear error when none is registered. */
    public static MultiplierFamily byId(String id) {
        MultiplierFamily f = BY_ID.get(id);
        if (f == null) {
            throw MaxdnnException.badInput("no multiplier family '" + id + "' (registered: "
                    + String.join(", ", BY_ID.keySet()) + ")");
        }
        return f;
    }

    /** The configuration a name stands for, in whichever family's form it is written. */
    static MultiplierConfig parse(String name) {
        if (name == null) {
            throw MaxdnnException.badInput("missing multiplier name");
        }
        String n = name.trim();
        for (MultiplierFamily f : BY_ID.values()) {
            MultiplierConfig c = f.parse(n);
            if (c != null) {
                return c;
            }
        }
        throw MaxdnnException.badInput("unknown multiplier '" + name + "': expected "
                + BY_ID.values().stream().map(MultiplierFamily::syntax).collect(Collectors.joining(", ")));
    }
}
