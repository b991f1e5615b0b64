package org.maxdnn.mult;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.maxdnn.MaxdnnException;

/**
 * A 256×256 unsigned product table such as EvoApprox {@code mul8u_*.bin} (SPEC §3.3): 65,536
 * little-endian uint16, product(a_u, b_u) = T[a_u·256 + b_u] with a_u the unsigned activation code
 * and b_u the unsigned weight code. On signed int8 operands it is used the TFApprox way
 * ({@link UnsignedTableMultiplier}).
 */
public final class LutMultiplier extends TabulatedMultiplier implements UnsignedTableMultiplier {
    public static final int ENTRIES = 1 << 16;

    private final MultiplierConfig config;
    private final Path file;
    private final int[] unsigned;

    private LutMultiplier(MultiplierConfig config, Path file, int[] unsigned) {
        this.config = config;
        this.file = file;
        this.unsigned = unsigned;
    }

    /** Reads {@code file}; the table is named after the file stem. */
    public static LutMultiplier read(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.bin$", "");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw MaxdnnException.badInput("multiplier table " + file + " does not exist");
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read multiplier table " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length != 2 * ENTRIES) {
            throw MaxdnnException.badInput("multiplier table " + file + " has " + bytes.length
                    + " bytes; expected " + 2 * ENTRIES + " (65,536 little-endian uint16)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] t = new int[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            t[i] = Short.toUnsignedInt(buf.getShort());
        }
        return new LutMultiplier(TableConfig.lut(stem), file, t);
    }

    @Override
    public MultiplierConfig config() {
        return config;
    }

    public Path file() {
        return file;
    }

    /** T[a_u·256 + b_u]. */
    @Override
    public int unsignedProduct(int au, int bu) {
        return unsigned[(au << 8) | bu];
    }

    @Override
    public int multiply(int a, int b) {
        return UnsignedTableMultiplier.super.multiply(a, b);
    }
}
