package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;

class LutMultiplierTest {
    @TempDir
    Path tmp;

    @Test
    void mul8u1JffIsExactOnBothDomains() {
        LutMultiplier m = LutMultiplier.read(Assets.fromEnvironment().lutDir().resolve("mul8u_1JFF.bin"));
        assertEquals("lut:mul8u_1JFF", m.name());
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                assertEquals(a * b, m.unsignedProduct(a, b));
            }
        }
        assertArrayEquals(ExactMultiplier.INSTANCE.table(), m.table());
    }

    @Test
    void operandOrderIsActivationHighByte() throws IOException {
        // A table whose product is the activation code alone tells which operand is which.
        byte[] bytes = new byte[2 * LutMultiplier.ENTRIES];
        for (int i = 0; i < LutMultiplier.ENTRIES; i++) {
            int v = i >> 8;
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = 0;
        }
        Path f = tmp.resolve("act.bin");
        Files.write(f, bytes);
        LutMultiplier m = LutMultiplier.read(f);
        assertEquals(200, m.unsignedProduct(200, 3));
        // signed: T[a+128] − 128(a+128) − 128(b+128) + 16384 with a = 1, b = 0 → 129 − 16512 − 16384 + 16384
        assertEquals(129 - 128 * 129, m.multiply(1, 0));
    }

    @Test
    void wrongSizeAndMissingFilesAreBadInputNamingTheFile() throws IOException {
        Path shortFile = tmp.resolve("mul8u_short.bin");
        Files.write(shortFile, new byte[100]);
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> LutMultiplier.read(shortFile));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(shortFile.toString()) && e.getMessage().contains("100 bytes"), e.getMessage());

        Path missing = tmp.resolve("mul8u_none.bin");
        e = assertThrows(MaxdnnException.class, () -> new MultiplierRegistry(tmp).get("lut:mul8u_none"));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
