package org.maxdnn.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.sim.LibertyLexer.Kind;

/**
 * The syntax of a liberty file ({@code .lib}, or gzip-compressed, recognised by content) into its
 * {@link LibertyGroup} tree, strictly: groups {@code type (args) { … }}, simple attributes
 * {@code name : value ;}, complex attributes {@code name (v, …) ;}. A malformed file fails with its
 * line number. No meaning is attached here; {@link LibertyInterpreter} does that.
 */
public final class LibertyParser {
    private final LibertyLexer lex;

    private LibertyParser(LibertyLexer lex) {
        this.lex = lex;
    }

    /** Parses a liberty file. */
    public static LibertyGroup parse(Path path) {
        String content;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            InputStream src = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in, 1 << 16) : in;
            content = new String(src.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read liberty " + path + ": " + e.getMessage(), e);
        }
        return parseText(path.toString(), content);
    }

    /** Parses liberty text; {@code file} names it in error messages. */
    public static LibertyGroup parseText(String file, String content) {
        LibertyParser p = new LibertyParser(new LibertyLexer(file, content));
        LibertyLexer lex = p.lex;
        if (lex.kind() != Kind.WORD || !lex.text().equals("library")) {
            throw lex.error("expected 'library (name) {'");
        }
        LibertyGroup lib = p.statement(null);
        if (lib == null || !lib.type().equals("library")) {
            throw lex.error("expected a library group");
        }
        if (lex.kind() != Kind.EOF) {
            throw lex.error("text after the library group");
        }
        return lib;
    }

    private boolean atValue() {
        return lex.kind() == Kind.WORD || lex.kind() == Kind.STRING;
    }

    /**
     * One statement inside {@code parent} (or the library itself when parent is null): a simple
     * attribute, a complex attribute or a group. Returns the group when it was one.
     */
    private LibertyGroup statement(LibertyGroup parent) {
        if (!atValue()) {
            throw lex.error("expected an attribute or group name");
        }
        String name = lex.text();
        int at = lex.line();
        lex.advance();
        if (lex.kind() == Kind.COLON) {
            if (parent == null) {
                throw lex.error("expected a group");
            }
            parent.putSimple(name, simpleValue(name));
            return null;
        }
        if (lex.kind() != Kind.LPAREN) {
            throw lex.error("expected ':' or '(' after '" + name + "'");
        }
        List<String> args = arguments(name);
        if (lex.kind() == Kind.LBRACE) {
            return group(name, args, at);
        }
        if (parent == null) {
            throw lex.error("expected '{' after library (" + String.join(",", args) + ")");
        }
        endOfStatement("complex attribute '" + name + "'");
        parent.addComplex(name, args);
        return null;
    }

    /** After {@code name :}: the value, which unquoted may run over several words up to ';' or the line end. */
    private String simpleValue(String name) {
        lex.advance();
        if (!atValue()) {
            throw lex.error("missing value of '" + name + "'");
        }
        StringBuilder v = new StringBuilder(lex.text());
        lex.advance();
        while (atValue() && !lex.newlineBefore()) {
            v.append(' ').append(lex.text());
            lex.advance();
        }
        endOfStatement("'" + name + "'");
        return v.toString();
    }

    /** A ';', or a statement ended by the line end or the group's '}'. */
    private void endOfStatement(String what) {
        if (lex.kind() == Kind.SEMI) {
            lex.advance();
        } else if (!lex.newlineBefore() && lex.kind() != Kind.RBRACE) {
            throw lex.error("expected ';' after " + what);
        }
    }

    /** {@code ( v, v w, … )}: each argument may be several words. */
    private List<String> arguments(String name) {
        lex.advance();
        List<String> args = new ArrayList<>();
        if (lex.kind() != Kind.RPAREN) {
            while (true) {
                StringBuilder v = new StringBuilder();
                boolean first = true;
                while (atValue()) {
                    v.append(first ? "" : " ").append(lex.text());
                    first = false;
                    lex.advance();
                }
                args.add(v.toString());
                if (lex.kind() == Kind.COMMA) {
                    lex.advance();
                } else if (lex.kind() == Kind.RPAREN) {
                    break;
                } else {
                    throw lex.error("expected ',' or ')' in '" + name + "'");
                }
            }
        }
        lex.advance(); // ')'
        return args;
    }

    private LibertyGroup group(String type, List<String> args, int at) {
        LibertyGroup g = new LibertyGroup(type, args, at);
        lex.advance(); // '{'
        while (lex.kind() != Kind.RBRACE) {
            if (lex.kind() == Kind.EOF) {
                throw lex.errorAt(at, "group '" + type + "' is not closed");
            }
            LibertyGroup child = statement(g);
            if (child != null) {
                g.addGroup(child);
            }
        }
        lex.advance(); // '}'
        if (lex.kind() == Kind.SEMI) {
            lex.advance(); // tolerated after a group
        }
        return g;
    }
}
