package org.maxdnn.mult;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.MaxdnnException;

/**
 * Turns names and configurations into {@link Multiplier} objects, one shared instance each (so
 * their tables are built once), each created by its family. Configurations built on a product
 * table read {@code lutDir/NAME.bin}.
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
        Multiplier m = cache.get(config);
        if (m == null) {
            // not computeIfAbsent: a family may ask this registry for another multiplier while creating one
            m = config.family().create(config, this);
            Multiplier before = cache.putIfAbsent(config, m);
            m = before != null ? before : m;
        }
        return m;
    }

    /** The file of the product table {@code config} is built on. */
    Path tableFile(MultiplierConfig config) {
        if (lutDir == null) {
            throw MaxdnnException.badInput("multiplier " + config.name() + " needs a table folder (--lut-dir or --assets)");
        }
        return lutDir.resolve(config.table() + ".bin");
    }
}
