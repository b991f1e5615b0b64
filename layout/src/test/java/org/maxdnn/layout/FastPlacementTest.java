package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** graywolf's parameters for {@code layout --place-fast N}: faster annealing, no global routing of its own. */
class FastPlacementTest {
    /** The lines of qflow's osu018.par that the fast placement touches, with one it leaves alone. */
    private static final String PAR = """
            TWMC*chip.aspect.ratio : 0.75

            TWSC*feedThruWidth    : 80 layer 1
            TWSC*do.global.route  : on
            TWSC*ignore_feeds     : true
            """;

    @Test
    void theGlobalRouteIsSwitchedOffAndTheAnnealingSpedUp() {
        String par = QflowFlow.fastPlacement(PAR, 16, "osu018.par");
        List<String> lines = par.lines().toList();
        assertTrue(lines.contains("TWSC*do.global.route  : off"), par);
        assertTrue(lines.contains("TWSC*fast : 16"), par);
        assertTrue(lines.contains("TWSC*ignore_feeds     : true"), par);
        assertTrue(lines.stream().noneMatch(l -> l.matches("TWSC\\*do\\.global\\.route\\s*:\\s*on\\s*")), par);
        assertEquals(PAR.lines().count() + 3, lines.size(), par); // a blank line, a comment, TWSC*fast
    }

    /** blif2cel.tcl's test for a buffer tree's net, which makes its sinks a graywolf swap group. */
    private static final java.util.regex.Pattern SWAP_GROUP = java.util.regex.Pattern.compile("(.*)_bF\\$buf[0-9]+$");

    @Test
    void theBufferTreesMakeNoSwapGroups() {
        String blif = """
                .gate BUFX4 A=clock Y=clock_bF$buf0
                .gate DFFPOSX1 CLK=clock_bF$buf0 D=_5__bF$buf12 Q=q
                .gate BUFX2 A=clock_hier0_bF$buf3 Y=x
                """;
        String fixed = QflowFlow.withoutSwapGroups(blif);
        assertEquals(blif.replace("$buf", "_buf"), fixed);
        for (String net : fixed.split("[\\s=]+")) {
            assertTrue(!SWAP_GROUP.matcher(net).find(), net);
        }
        assertTrue(SWAP_GROUP.matcher("clock_bF$buf0").find(), "the pattern itself");
    }

    @Test
    void aParameterFileWithoutTheGlobalRouteLineIsAnError() {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> QflowFlow.fastPlacement("TWSC*ignore_feeds : true\n", 4, "/x/osu018.par"));
        assertEquals("/x/osu018.par: no line 'TWSC*do.global.route : on' to switch off", e.getMessage());
    }

    @Test
    void qroutersCleanUpIsSkippedOnRequest() {
        String cfg = "read_def TOP.def\nqrouter::standard_route TOP_route.def false\nquit\n";
        assertEquals("read_def TOP.def\nqrouter::standard_route TOP_route.def false true\nquit\n",
                QflowFlow.withoutRouteCleanup(cfg, "TOP.cfg"));
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> QflowFlow.withoutRouteCleanup("read_def TOP.def\nquit\n", "/x/TOP.cfg"));
        assertEquals("/x/TOP.cfg: no line 'qrouter::standard_route FILE false' to add nocleanup to", e.getMessage());
    }
}
