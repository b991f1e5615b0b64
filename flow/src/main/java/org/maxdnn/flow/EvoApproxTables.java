package org.maxdnn.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maxdnn.MaxdnnException;

/** The EvoApprox tables of an asset folder: the {@code mul8u_*.bin} files of its table directory. */
public final class EvoApproxTables {
    private EvoApproxTables() {
    }

    /** The table names ({@code mul8u_NAME}, without {@code .bin}), sorted. */
    public static List<String> in(Path lutDir) {
        try (var files = Files.list(lutDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mul8u_") && n.endsWith(".bin"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot list " + lutDir + ": " + e.getMessage(), e);
        }
    }
}
