package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** The .pin netlist written from graywolf's .cel file for a placement without graywolf's global routing. */
class GraywolfPinsTest {
    /** A cut of blif2cel.tcl's output: two cells (feedthroughs, a swap group) and two pads. */
    private static final String CEL = """
            cell 0 CLKBUF1_1
            left -360 right 360 bottom -500 top 500
            pin name twfeed1 signal TW_PASS_THRU layer 1 -320 -500
               equiv name twfeed1 layer 1 -320 500
            pin name A signal clock layer 1 -295 -120
            pin name Y signal clock_bF$buf0 layer 1 240 205
            cell 1 DFFPOSX1_1
            left -480 right 480 bottom -500 top 500
            pin name D signal _3_ layer 1 -200 0
            pin name Q signal q layer 1 300 0
            pin_group
            pin name clock_bF$pin/CLK signal clock_bF$buf0 layer 1 -100 150
            end_pin_group

            pad 1 name twpin_clock
            corners 4 -40 -50 -40 50 40 50 40 -50
            pin name clock signal clock layer 1 0 0

            pad 2 name twpin_q
            corners 4 -40 -50 -40 50 40 50 40 -50
            pin name q signal q layer 1 0 0
            """;

    /** The line place2def.tcl parses ({@code <net> <subnet> <instance> <pin> <x> <y> <row> <orient> <layer>}). */
    private static final Pattern PLACE2DEF = Pattern.compile(
            "^([^ ]+)[ \\t]+(\\d+)[ \\t]+([^ ]+)[ \\t]+([^ ]+)[ \\t]+([^ ]+)[ \\t]+([^ ]+)[ \\t]+[^ ]+[ \\t]+[^ ]+[ \\t]+([^ ]+)");

    @Test
    void everyPinIsOnItsNetAndEachNetsLinesAreTogether() {
        List<String> lines = GraywolfPins.fromCel(CEL, "t.cel").lines().toList();
        assertEquals(List.of(
                "clock 1 CLKBUF1_1 A 0 0 0 0 1",
                "clock 1 twpin_clock clock 0 0 0 0 1",
                "clock_bF$buf0 1 CLKBUF1_1 Y 0 0 0 0 1",
                "clock_bF$buf0 1 DFFPOSX1_1 clock_bF$pin/CLK 0 0 0 0 1",
                "_3_ 1 DFFPOSX1_1 D 0 0 0 0 1",
                "q 1 DFFPOSX1_1 Q 0 0 0 0 1",
                "q 1 twpin_q q 0 0 0 0 1"), lines);
        for (String line : lines) {
            assertTrue(PLACE2DEF.matcher(line).find(), line);
        }
    }

    @Test
    void aFileWithoutPinsOrWithABrokenPinLineIsAnError() {
        MaxdnnException none = assertThrows(MaxdnnException.class, () -> GraywolfPins.fromCel("# empty\n", "e.cel"));
        assertTrue(none.getMessage().startsWith("e.cel: no cell pins"), none.getMessage());
        MaxdnnException broken = assertThrows(MaxdnnException.class,
                () -> GraywolfPins.fromCel("cell 0 INVX1_1\npin name A layer 1 0 0\n", "b.cel"));
        assertTrue(broken.getMessage().startsWith("b.cel:2: expected 'pin name PIN signal NET"), broken.getMessage());
        MaxdnnException orphan = assertThrows(MaxdnnException.class,
                () -> GraywolfPins.fromCel("pin name A signal a layer 1 0 0\n", "o.cel"));
        assertTrue(orphan.getMessage().startsWith("o.cel:1: a pin before any cell"), orphan.getMessage());
    }
}
