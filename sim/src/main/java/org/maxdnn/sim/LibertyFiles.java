package org.maxdnn.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.maxdnn.MaxdnnException;

/** Liberty files for external tools, which want them uncompressed. */
public final class LibertyFiles {
    private LibertyFiles() {
    }

    /** True when the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read liberty " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code liberty} itself when it is plain text, else a gunzipped copy in {@code dir} (named after
     * the file without ".gz"), written only once.
     */
    public static Path plain(Path liberty, Path dir) {
        if (!Files.isRegularFile(liberty)) {
            throw MaxdnnException.badInput("liberty file " + liberty + " does not exist");
        }
        if (!isGzip(liberty)) {
            return liberty.toAbsolutePath();
        }
        String name = liberty.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (!name.endsWith(".lib")) {
            name = name + ".lib";
        }
        Path out = dir.toAbsolutePath().resolve(name);
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(out) && Files.getLastModifiedTime(out).compareTo(
                    Files.getLastModifiedTime(liberty)) >= 0) {
                return out;
            }
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(liberty)), 1 << 16)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot unpack liberty " + liberty + ": " + e.getMessage(), e);
        }
    }
}
