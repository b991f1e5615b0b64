package org.maxdnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupConfig;

/**
 * The ordering of synthesised cell counts over every perforation P and rounding R of both ROUP
 * families: one more perforated row always removes cells; one more rounded bit removes cells,
 * except that roupc's cut changes nothing while R ≤ 2P (it stays below the lowest surviving row) and
 * except the steps the caller states as findings ({@code "roup-p0r1 > exact"} style: the step costs
 * cells). A stated finding that no longer holds fails too, so the statement stays true.
 */
public final class CellCountOrdering {
    private CellCountOrdering() {
    }

    public static void check(Map<MultiplierConfig, Integer> cells, List<String> findings) {
        List<String> violations = new ArrayList<>();
        Set<String> costly = new LinkedHashSet<>();
        for (boolean columns : List.of(false, true)) {
            for (int p = 0; p <= RoupConfig.MAX_P; p++) {
                for (int r = 0; r <= RoupConfig.MAX_R; r++) {
                    MultiplierConfig c = config(columns, p, r);
                    if (p < RoupConfig.MAX_P && cells.get(config(columns, p + 1, r)) >= cells.get(c)) {
                        violations.add(config(columns, p + 1, r) + " has " + cells.get(config(columns, p + 1, r))
                                + " cells, not fewer than " + c + " with " + cells.get(c));
                    }
                    if (r == RoupConfig.MAX_R) {
                        continue;
                    }
                    MultiplierConfig next = config(columns, p, r + 1);
                    int before = cells.get(c);
                    int after = cells.get(next);
                    if (columns && r + 1 <= 2 * p) {
                        if (after != before) {
                            violations.add(next + " has " + after + " cells, " + c + " " + before
                                    + ": a cut below the lowest surviving row should change nothing");
                        }
                    } else if (after >= before) {
                        costly.add(name(next) + " > " + name(c));
                        if (!findings.contains(name(next) + " > " + name(c))) {
                            violations.add(next + " has " + after + " cells, not fewer than " + c + " with " + before);
                        }
                    }
                }
            }
        }
        for (String finding : findings) {
            if (!costly.contains(finding)) {
                violations.add("the stated finding '" + finding + "' no longer holds: update the statement");
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        assertEquals(findings.size(), costly.size());
    }

    /** p0r0 of either family is the exact multiplier, named so in findings. */
    private static String name(MultiplierConfig c) {
        return c.isExactByDefinition() ? "exact" : c.name();
    }

    private static MultiplierConfig config(boolean columns, int p, int r) {
        return p == 0 && r == 0 ? MultiplierConfig.EXACT : new RoupConfig(columns, p, r);
    }
}
