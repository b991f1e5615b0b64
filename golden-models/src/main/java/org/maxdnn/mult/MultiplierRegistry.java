package org.maxdnn.mult;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.MaxdnnException;

/**
 * Turns names and configurations into {@link Multiplier} objects, one shared instance each (so
 * their tables are built once). Table multipliers {@code lut:NAME} and {@code alwann:NAME} read
 * {@code lutDir/NAME.bin}.
 */
public final class MultiplierRegistry {
    private final Path lutDir;
    private final Map<MultiplierConfig, Multiplier> cache = new ConcurrentHashMap<>();

    /** @param lutDir where {@code lut:NAME} tables live; may be null when no tables are used */
    public MultiplierRegistry(Path lutDir) {
        this.lutDir = lutDir;
    }

    public Path lutDir() {
        return lutDir;
    }

    public Multiplier get(String name) {
        return get(MultiplierConfig.parse(name));
    }

    public Multiplier get(MultiplierConfig config) {
        return cache.computeIfAbsent(config, this::create);
    }

    private Multiplier create(MultiplierConfig c) {
        return switch (c.family()) {
            case EXACT -> ExactMultiplier.INSTANCE;
            case ROUP -> new RoupMultiplier(c.p(), c.r());
            case ROUPC -> new RoupColumnMultiplier(c.p(), c.r());
            case LUT -> table(c);
            case ALWANN -> new WeightTunedMultiplier(table(c));
        };
    }

    private LutMultiplier table(MultiplierConfig c) {
        if (lutDir == null) {
            throw MaxdnnException.badInput("multiplier " + c.name() + " needs a table folder (--lut-dir or --assets)");
        }
        return LutMultiplier.read(lutDir.resolve(c.lutName() + ".bin"));
    }
}
