package org.maxdnn.sim;

import org.maxdnn.MaxdnnException;

/**
 * The tokens of a liberty file: words, quoted strings and the punctuation {@code ( ) { } : ; ,}.
 * Skips blanks, C and C++ comments and backslash line continuations, and remembers for each token
 * its line and whether a newline preceded it (a liberty statement may end at the line end instead
 * of a {@code ;}).
 */
final class LibertyLexer {
    enum Kind { WORD, STRING, LPAREN, RPAREN, LBRACE, RBRACE, COLON, SEMI, COMMA, EOF }

    private final String file;
    private final char[] s;
    private int pos;
    private int line = 1;
    private int tokenLine;
    private boolean newlineBefore;
    private Kind kind;
    private String text;

    LibertyLexer(String file, String content) {
        this.file = file;
        this.s = content.toCharArray();
        advance();
    }

    Kind kind() {
        return kind;
    }

    String text() {
        return text;
    }

    /** The line the current token starts on. */
    int line() {
        return tokenLine;
    }

    /** Whether a newline separates the current token from the previous one. */
    boolean newlineBefore() {
        return newlineBefore;
    }

    /** A bad-input error naming the file, the current token's line and the token. */
    MaxdnnException error(String what) {
        return errorAt(tokenLine, what);
    }

    MaxdnnException errorAt(int atLine, String what) {
        return MaxdnnException.badInput("liberty " + file + ":" + atLine + ": " + what
                + (kind == null ? "" : " (at " + describe() + ")"));
    }

    private String describe() {
        return switch (kind) {
            case STRING -> "\"" + text + "\"";
            case EOF -> "end of file";
            default -> "'" + text + "'";
        };
    }

    /** Moves to the next token. */
    void advance() {
        skipBlanksAndComments();
        tokenLine = line;
        if (pos >= s.length) {
            kind = Kind.EOF;
            text = "";
            return;
        }
        switch (s[pos]) {
            case '(' -> single(Kind.LPAREN);
            case ')' -> single(Kind.RPAREN);
            case '{' -> single(Kind.LBRACE);
            case '}' -> single(Kind.RBRACE);
            case ':' -> single(Kind.COLON);
            case ';' -> single(Kind.SEMI);
            case ',' -> single(Kind.COMMA);
            case '"' -> string();
            default -> {
                int start = pos;
                while (pos < s.length && !isDelimiter(s[pos])) {
                    pos++;
                }
                kind = Kind.WORD;
                text = new String(s, start, pos - start);
            }
        }
    }

    private void skipBlanksAndComments() {
        newlineBefore = false;
        while (pos < s.length) {
            char c = s[pos];
            if (c == '\n') {
                line++;
                newlineBefore = true;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\') {
                if (!skipContinuation()) {
                    return;
                }
            } else if (c == '/' && pos + 1 < s.length && s[pos + 1] == '*') {
                int start = line;
                pos += 2;
                while (pos + 1 < s.length && !(s[pos] == '*' && s[pos + 1] == '/')) {
                    if (s[pos] == '\n') {
                        line++;
                    }
                    pos++;
                }
                if (pos + 1 >= s.length) {
                    kind = null;
                    throw errorAt(start, "unterminated comment");
                }
                pos += 2;
            } else if (c == '/' && pos + 1 < s.length && s[pos + 1] == '/') {
                while (pos < s.length && s[pos] != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** At a backslash: skips it, blanks and the newline when they form a continuation. */
    private boolean skipContinuation() {
        int p = pos + 1;
        while (p < s.length && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r')) {
            p++;
        }
        if (p < s.length && s[p] == '\n') {
            pos = p + 1;
            line++;
            return true;
        }
        return false;
    }

    private void string() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= s.length) {
                kind = null;
                throw error("unterminated string");
            }
            char d = s[pos];
            if (d == '"') {
                pos++;
                break;
            }
            if (d == '\\' && skipContinuation()) {
                continue; // a continuation inside a string: backslash and newline dropped
            }
            if (d == '\n') {
                line++;
            }
            b.append(d);
            pos++;
        }
        kind = Kind.STRING;
        text = b.toString();
    }

    private static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == '{' || c == '}' || c == ':' || c == ';' || c == ',' || c == '"'
                || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private void single(Kind k) {
        kind = k;
        text = String.valueOf(s[pos]);
        pos++;
    }
}
