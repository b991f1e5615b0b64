package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code maxdnn bench}: prints figures with their same-run baselines; asserts no speed, only that they are measured. */
class BenchCommandTest {
    @Test
    void theMultiplierSuitePrintsItsFigureAndBaselineRatio() {
        MainTest.Outcome o = MainTest.run("bench", "--only", "multipliers", "--repeat", "1");
        assertEquals(0, o.code(), o.err());
        Matcher all = Pattern.compile("metrics of exact \\+ 64 ROUP configs .*: ([0-9.]+) s").matcher(o.out());
        Matcher base = Pattern.compile("baseline, exact metrics x64 .*: ([0-9.]+) s; ratio ([0-9.]+)x").matcher(o.out());
        assertTrue(all.find() && base.find(), o.out());
        // the printed ratio is of the two printed times, within their rounding to 1 ms
        double a = Double.parseDouble(all.group(1));
        double b = Double.parseDouble(base.group(1));
        double ratio = Double.parseDouble(base.group(2));
        assertTrue(ratio >= (a - 0.0005) / (b + 0.0005) - 0.05 && ratio <= (a + 0.0005) / Math.max(1e-6, b - 0.0005) + 0.05,
                o.out());
    }

    @Test
    void anUnknownSuiteIsAUsageError() {
        MainTest.Outcome o = MainTest.run("bench", "--only", "everything");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("--only must be one of multipliers, inference, ") && o.err().contains(
                ", got 'everything'"), o.err());
    }
}
