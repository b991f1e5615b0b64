package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

class BooleanFunctionTest {
    /** Truth table of f over its variables as a bit string, variable 0 the least significant. */
    private static String table(BooleanFunction f) {
        int n = f.variables().size();
        StringBuilder b = new StringBuilder();
        boolean[] v = new boolean[n];
        for (int m = 0; m < (1 << n); m++) {
            for (int i = 0; i < n; i++) {
                v[i] = ((m >> i) & 1) != 0;
            }
            b.append(f.eval(v) ? '1' : '0');
        }
        return b.toString();
    }

    @Test
    void operatorsAndSynonyms() {
        assertEquals("0111", table(BooleanFunction.parse("A | B")));
        assertEquals("0111", table(BooleanFunction.parse("A+B")));
        assertEquals("0001", table(BooleanFunction.parse("A & B")));
        assertEquals("0001", table(BooleanFunction.parse("A*B")));
        assertEquals("0001", table(BooleanFunction.parse("A B")));
        assertEquals("0001", table(BooleanFunction.parse("(A)(B)")));
        assertEquals("0110", table(BooleanFunction.parse("A^B")));
        assertEquals("10", table(BooleanFunction.parse("!A")));
        assertEquals("10", table(BooleanFunction.parse("A'")));
        assertEquals("01", table(BooleanFunction.parse("A''")));
        assertEquals("1110", table(BooleanFunction.parse("!(A&B)")));
        assertEquals("1110", table(BooleanFunction.parse("(A B)'")));
        assertEquals("1", table(BooleanFunction.parse("1")));
        assertEquals("0", table(BooleanFunction.parse("0")));
    }

    @Test
    void precedenceIsInversionXorAndOr() {
        // A | B & C = A | (B & C)
        BooleanFunction f = BooleanFunction.parse("A | B & C");
        assertEquals(List.of("A", "B", "C"), f.variables());
        assertEquals(table(BooleanFunction.parse("A | (B & C)")), table(f));
        // A & B ^ C = A & (B ^ C)
        assertEquals(table(BooleanFunction.parse("A & (B ^ C)")), table(BooleanFunction.parse("A & B ^ C")));
        // juxtaposition binds like AND: A B + C = (A B) + C
        assertEquals(table(BooleanFunction.parse("(A&B)|C")), table(BooleanFunction.parse("A B + C")));
        // !A B = (!A) B
        assertEquals(table(BooleanFunction.parse("(!A)&B")), table(BooleanFunction.parse("!A B")));
    }

    @Test
    void libraryFunctionsOfBothLibraries() {
        // osu018 FAX1 carry and sky130 full-adder sum
        BooleanFunction carry = BooleanFunction.parse("(((A B)+(B C))+(C A))");
        assertEquals("00010111", table(carry));
        BooleanFunction sum = BooleanFunction.parse("(A&!B&!CIN) | (!A&B&!CIN) | (!A&!B&CIN) | (A&B&CIN)");
        assertEquals("01101001", table(sum));
        assertEquals(List.of("A", "B", "CIN"), sum.variables());
        // names with digits, underscores and brackets
        assertEquals("0001", table(BooleanFunction.parse("A_N1 & D[0]")));
    }

    @Test
    void sixtyFourVectorsAtOnce() {
        BooleanFunction f = BooleanFunction.parse("!(A & B) ^ C");
        long a = 0x0123456789ABCDEFL;
        long b = 0x0F0F0F0FF0F0F0F0L;
        long c = 0x5555AAAA3333CCCCL;
        long r = f.eval(new long[] {a, b, c}, new long[f.stackSize()]);
        assertEquals(~(a & b) ^ c, r);
    }

    @Test
    void malformedExpressionsAreBadInput() {
        for (String bad : new String[] {"", "A &", "(A | B", "A | | B", "A )", "#"}) {
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> BooleanFunction.parse(bad), bad);
            assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        }
    }
}
