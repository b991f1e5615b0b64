package org.maxdnn.sim;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;

/**
 * A liberty boolean expression ({@code function}, {@code when}) compiled to a postfix program that
 * evaluates 64 input vectors at once (one bit per vector in a {@code long}).
 *
 * <p>Syntax (Liberty): {@code !x} and {@code x'} invert; {@code ^} is XOR; {@code &}, {@code *} and
 * juxtaposition ({@code A B}) are AND; {@code |} and {@code +} are OR; constants {@code 0}, {@code 1};
 * parentheses. Precedence from tightest: inversion, XOR, AND, OR — as in the Liberty reference and
 * OpenSTA's expression grammar. Operators of equal precedence associate left to right.
 */
public final class BooleanFunction {
    private static final int CONST0 = -1;
    private static final int CONST1 = -2;
    private static final int NOT = -3;
    private static final int AND = -4;
    private static final int OR = -5;
    private static final int XOR = -6;

    private final String text;
    private final List<String> variables;
    private final int[] code;
    private final int maxStack;

    private BooleanFunction(String text, List<String> variables, int[] code, int maxStack) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.code = code;
        this.maxStack = maxStack;
    }

    /** Parses {@code text}; the variables are the pin names it mentions, in order of first use. */
    public static BooleanFunction parse(String text) {
        Parser p = new Parser(text);
        p.parseOr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        int[] code = p.out.stream().mapToInt(Integer::intValue).toArray();
        int depth = 0;
        int max = 0;
        for (int op : code) {
            if (op >= 0 || op == CONST0 || op == CONST1) {
                depth++;
            } else if (op != NOT) {
                depth--;
            }
            max = Math.max(max, depth);
        }
        if (code.length == 0) {
            throw p.error("empty expression");
        }
        return new BooleanFunction(text, p.vars, code, max);
    }

    /** The pin names used, in the order {@link #eval(long[], long[])} expects their values. */
    public List<String> variables() {
        return variables;
    }

    /** Scratch size for {@link #eval(long[], long[])}. */
    public int stackSize() {
        return maxStack;
    }

    /**
     * Evaluates 64 vectors: {@code values[i]} holds variable i's bits; {@code stack} is scratch of at
     * least {@link #stackSize()} longs.
     */
    public long eval(long[] values, long[] stack) {
        int sp = 0;
        for (int op : code) {
            switch (op) {
                case CONST0 -> stack[sp++] = 0L;
                case CONST1 -> stack[sp++] = -1L;
                case NOT -> stack[sp - 1] = ~stack[sp - 1];
                case AND -> {
                    sp--;
                    stack[sp - 1] &= stack[sp];
                }
                case OR -> {
                    sp--;
                    stack[sp - 1] |= stack[sp];
                }
                case XOR -> {
                    sp--;
                    stack[sp - 1] ^= stack[sp];
                }
                default -> stack[sp++] = values[op];
            }
        }
        return stack[0];
    }

    /** One vector: {@code values[i]} is variable i. */
    public boolean eval(boolean... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException(text + " takes " + variables.size() + " values");
        }
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] ? -1L : 0L;
        }
        return (eval(v, new long[maxStack]) & 1L) != 0;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        final String s;
        int pos;
        final List<String> vars = new ArrayList<>();
        final List<Integer> out = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        MaxdnnException error(String what) {
            return MaxdnnException.badInput("bad liberty expression \"" + s + "\" at " + pos + ": " + what);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            skipSpace();
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void parseOr() {
            parseAnd();
            while (true) {
                char c = peek();
                if (c == '|' || c == '+') {
                    pos++;
                    parseAnd();
                    out.add(OR);
                } else {
                    return;
                }
            }
        }

        void parseAnd() {
            parseXor();
            while (true) {
                char c = peek();
                if (c == '&' || c == '*') {
                    pos++;
                    parseXor();
                    out.add(AND);
                } else if (startsPrimary(c)) {
                    parseXor(); // juxtaposition
                    out.add(AND);
                } else {
                    return;
                }
            }
        }

        void parseXor() {
            parseUnary();
            while (peek() == '^') {
                pos++;
                parseUnary();
                out.add(XOR);
            }
        }

        void parseUnary() {
            char c = peek();
            if (c == '!') {
                pos++;
                parseUnary();
                out.add(NOT);
                return;
            }
            parsePrimary();
            while (peek() == '\'') {
                pos++;
                out.add(NOT);
            }
        }

        static boolean startsPrimary(char c) {
            return c == '(' || c == '!' || isNameStart(c) || c == '0' || c == '1';
        }

        static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '[' || c == ']' || c == '.';
        }

        void parsePrimary() {
            char c = peek();
            if (c == '(') {
                pos++;
                parseOr();
                if (peek() != ')') {
                    throw error("missing ')'");
                }
                pos++;
            } else if (c == '0' || c == '1') {
                pos++;
                out.add(c == '0' ? CONST0 : CONST1);
            } else if (isNameStart(c)) {
                int start = pos;
                while (pos < s.length() && isNameChar(s.charAt(pos))) {
                    pos++;
                }
                String name = s.substring(start, pos);
                int idx = vars.indexOf(name);
                if (idx < 0) {
                    idx = vars.size();
                    vars.add(name);
                }
                out.add(idx);
            } else {
                throw error(c == '\0' ? "unexpected end" : "unexpected '" + c + "'");
            }
        }
    }
}
