package org.maxdnn.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.maxdnn.MaxdnnException;

/**
 * The one reader of the JSON files users hand in (maps, energy tables). Strict: UTF-8 only,
 * duplicate keys, content after the value and nesting deeper than {@link #MAX_DEPTH} are errors.
 * Every error is a bad-input error naming the file, the line and column and the JSON path, in
 * plain words rather than Jackson's internal text.
 */
public final class JsonFiles {
    /** Maps nest five levels (root, layers, layer, kernels, row); anything far deeper is not ours. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonFiles() {
    }

    /** Reads and parses {@code file}; {@code what} names its kind in errors ("map", "energy table"). */
    public static JsonNode read(Path file, String what) {
        return parse(InputFiles.readUtf8(file, what), what + " " + file);
    }

    /** Parses {@code text}; {@code source} names it in errors ("map FILE"). */
    public static JsonNode parse(String text, String source) {
        try (JsonParser p = STRICT.createParser(text)) {
            try {
                JsonNode root = STRICT.readTree(p);
                if (root == null) {
                    throw MaxdnnException.badInput(source + ": empty, expected a JSON object");
                }
                if (p.nextToken() != null) {
                    throw MaxdnnException.badInput(source + ": " + place(p.currentTokenLocation(), null)
                            + "content after the end of the JSON value");
                }
                return root;
            } catch (StreamConstraintsException e) {
                throw MaxdnnException.badInput(source + ": " + place(p.currentLocation(), p) + "nested deeper than "
                        + MAX_DEPTH + " levels", e);
            } catch (JsonProcessingException e) {
                throw MaxdnnException.badInput(source + ": " + place(e.getLocation() != null ? e.getLocation()
                        : p.currentLocation(), p) + plain(e.getOriginalMessage()), e);
            }
        } catch (IOException e) {
            throw MaxdnnException.badInput(source + ": cannot parse: " + plain(e.getMessage()), e);
        }
    }

    /** "line L, column C (at /a/b): " — the JSON path only while the parser is inside the value. */
    private static String place(JsonLocation loc, JsonParser p) {
        StringBuilder s = new StringBuilder();
        if (loc != null && loc.getLineNr() > 0) {
            s.append("line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr());
        }
        if (p != null && p.getParsingContext() != null) {
            String path = p.getParsingContext().pathAsPointer().toString();
            if (!path.isEmpty()) {
                if (path.length() > 80) {
                    path = path.substring(0, 40) + "…" + path.substring(path.length() - 30);
                }
                s.append(s.length() > 0 ? " " : "").append("(at ").append(path).append(')');
            }
        }
        return s.length() > 0 ? s + ": " : "";
    }

    /** Jackson's message without its source excerpt and feature names. */
    static String plain(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        return message.replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replace("Duplicate field", "duplicate key")
                .replaceAll("\\s*\\(for Object starting at", " (for the object opened at")
                .replaceAll("\\s*\\(for Array starting at", " (for the array opened at")
                .replaceAll("\\s*at \\[Source.*", "");
    }
}
