package org.maxdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;

/** The strict JSON reader: each malformation is exit 2 with line, column or path, in plain words. */
class JsonFilesTest {
    @TempDir
    Path tmp;

    @Test
    void duplicateKeysAreRefusedWithTheirPlace() {
        String m = message("{\"layers\": {\"conv1\": {}, \n \"conv1\": {}}}");
        assertEquals("m.json: line 2, column 9 (at /layers/conv1): duplicate key 'conv1'", m);
    }

    @Test
    void contentAfterTheValueIsRefused() {
        assertEquals("m.json: line 1, column 16: content after the end of the JSON value", message("{\"default\": 1} {}"));
        assertTrue(message("{\"default\": 1} xx").startsWith("m.json: line 1, column 18: "));
    }

    @Test
    void deepNestingIsRefusedNotACrash() {
        String deep = "{\"default\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        String m = message(deep);
        assertTrue(m.contains("nested deeper than " + JsonFiles.MAX_DEPTH + " levels"), m);
        assertTrue(m.contains("(at /default/0/0"), m);
    }

    @Test
    void jacksonInternalsStayOut() {
        String m = message("{\"default\": \"exact\",\n\"layers\": [}");
        assertFalse(m.contains("Source") || m.contains("REDACTED") || m.contains("StreamReadFeature"), m);
        assertTrue(m.startsWith("m.json: line 2, column 12 (at /layers): "), m);
        assertTrue(m.contains("for the array opened at line 2, column 11"), m);
    }

    @Test
    void filesMustBeUtf8AndMayStartWithAByteOrderMark() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.write(bad, new byte[] {'{', '\n', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> JsonFiles.read(bad, "map"));
        assertEquals("map " + bad + ": line 2, byte offset 7: not UTF-8 text (byte 0xFF)", e.getMessage());

        Path bom = tmp.resolve("bom.json");
        Files.write(bom, ("\uFEFF{\"a\": 1}").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, JsonFiles.read(bom, "map").get("a").asInt());
    }

    @Test
    void missingFilesSayNotFound() {
        Path none = tmp.resolve("none.json");
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> JsonFiles.read(none, "map"));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot read map " + none + ": not found"), e.getMessage());
    }

    private static String message(String json) {
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> JsonFiles.parse(json, "m.json"));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }
}
