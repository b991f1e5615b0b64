package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupConfig;
import org.maxdnn.rtl.Circuits;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.Netlist;
import org.maxdnn.sim.OperandStreams;
import org.maxdnn.testing.RequiresTools;

/**
 * The real qflow flow on one small design (a registered roup-p2r2 multiplier, about half a minute),
 * then the readers checked on the files that run produced.
 */
@RequiresTools({"qflow", "graywolf", "qrouter", "magic", "netgen-lvs", "yosys"})
class QflowLayoutTest {
    private static final MultiplierConfig CONFIG = RoupConfig.roup(2, 2);
    private static final double CLOCK_NS = 10;

    @TempDir
    static Path out;
    static LayoutReport report;
    static Path qflow;
    static String top;
    static List<String> progress = new ArrayList<>();

    @BeforeAll
    static void layOut() {
        LayoutDesign design = LayoutDesign.multiplier(Circuits.of(CONFIG, null));
        Layout.Options options = new Layout.Options(CLOCK_NS, OperandStreams.uniform(4000, 7));
        report = Layout.run(design, out, options, progress::add);
        qflow = Path.of(report.dir());
        top = design.top();
    }

    private static String read(String name) throws IOException {
        return Files.readString(qflow.resolve(name));
    }

    @Test
    void theLayoutIsCleanAndItsFiguresAreConsistent() {
        assertEquals(0, report.drcViolations());
        assertTrue(report.lvs().clean(), report.lvs().toString());
        assertEquals(0, report.failedRoutes());
        assertTrue(report.clean());
        assertEquals(1, report.placeAttempts(), "clean at qflow's own density");
        assertTrue(report.cells() > 50, "cells " + report.cells());
        assertTrue(report.cellAreaUm2() > 0 && report.cellAreaUm2() < report.dieAreaUm2(),
                report.cellAreaUm2() + " um2 of cells on a " + report.dieAreaUm2() + " um2 die");
        assertTrue(report.wireLengthUm() > 0);
        StaticTiming t = report.timing();
        assertEquals(CLOCK_NS * 1000, t.clockPeriodPs());
        assertEquals(t.clockPeriodPs() - t.maxDelayPs(), t.worstSlackPs(), 1e-6);
        assertTrue(t.maxClockMhz() > 50 && t.maxClockMhz() < 2000, "fmax " + t.maxClockMhz());
        assertTrue(t.meetsSetup() == t.worstSlackPs() >= 0);
        assertEquals(QflowFlow.STAGES, List.copyOf(report.stageSeconds().keySet()));
        for (String stage : QflowFlow.STAGES) {
            assertTrue(progress.stream().anyMatch(l -> l.startsWith(CONFIG.name() + ": " + stage + " ")), stage);
        }
        assertTrue(progress.stream().anyMatch(l -> l.contains("energy on")), progress.toString());
        assertTrue(Files.isRegularFile(qflow.resolve("log").resolve("route.log")));
        assertTrue(Files.isRegularFile(Path.of(report.openRoadDir()).resolve("config.mk")));
        assertTrue(Files.isRegularFile(Path.of(report.openRoadDir()).resolve("constraint.sdc")));
    }

    @Test
    void theRoutedMultiplierIsCheckedAndCostsMoreWithItsWires() {
        PostRouteEnergy e = report.energy();
        // measure() checked the routed core against the Java model on all 65,536 pairs, or threw
        assertEquals(CONFIG.name(), e.config());
        assertEquals(3999, e.operations());
        assertTrue(e.wireFarads() > 1e-13, "wire " + e.wireFarads());
        assertTrue(e.preRoutePj() > 0 && e.routedWireLoadPj() > 0);
        assertTrue(e.postRoutePj() > 0);
    }

    /** Vesta's worst register path is the first "Path" line under its first maximum-delay heading. */
    @Test
    void vestaTimingIsReadFromItsLog() throws IOException {
        String log = read("log/post_sta.log");
        int heading = log.indexOf("maximum delay paths:");
        String first = log.substring(log.indexOf("\nPath ", heading) + 1);
        first = first.substring(0, first.indexOf('\n'));
        double delay = Double.parseDouble(first.replaceAll(".* delay ([-0-9.e+]+) ps.*", "$1"));
        double slack = Double.parseDouble(first.replaceAll(".*Slack = ([-0-9.e+]+) ps.*", "$1"));
        assertEquals(delay, report.timing().maxDelayPs());
        assertEquals(slack, report.timing().worstSlackPs(), 1e-6);
        StaticTiming tight = StaticTiming.parseVesta(log.replace("Design meets timing requirements.",
                "ERROR:  Design fails timing requirements."), 1000, "edited");
        assertFalse(tight.meetsSetup());
        assertThrows(MaxdnnException.class, () -> StaticTiming.parseVesta(
                log.replaceAll("(?m)^Path .*$", ""), 1000, "no paths"));
    }

    @Test
    void magicDrcCountIsRead() throws IOException {
        String log = read("log/drc.log");
        assertEquals(0, MagicDrc.violations(log, "drc.log"));
        assertEquals(7, MagicDrc.violations(log.replace("drc = 0", "drc = 7"), "edited"));
        assertThrows(MaxdnnException.class, () -> MagicDrc.violations(log.replace("drc = 0", ""), "cut"));
    }

    @Test
    void netgenLvsIsReadFromItsLogAndJson() throws IOException {
        String log = read("log/lvs.log");
        String json = read("comp.json");
        LvsReport ok = LvsReport.parse(log, json, "lvs");
        assertEquals("Circuits match uniquely.", ok.verdict());
        assertEquals(0, ok.errors());
        // one device fewer in the layout's count, one net more: two mismatches
        String dev = json.replaceFirst("(\"devices\": \\[\\s*\\[\\s*\\[\\s*\"[A-Z0-9]+\",\\s*)(\\d+)",
                "$1" + "999");
        assertTrue(LvsReport.parse(log, dev, "edited").errors() > 0);
        assertFalse(LvsReport.parse(log.replace("Result: Circuits match uniquely.", "Result: Netlists do not match."),
                json, "edited").clean());
        assertThrows(MaxdnnException.class, () -> LvsReport.parse(log.replaceAll("(?m)^Result:.*$", ""), json, "cut"));
    }

    /** qflow was given the flattening synthesis and the LEF with minimum areas, and qrouter used both. */
    @Test
    void qflowRanWithTheMinimumAreasAndFlattenedSynthesis() throws IOException {
        assertTrue(read("project_vars.sh").contains("set via_stacks = all\n"));
        assertTrue(read(top + ".cfg").contains("read_lef  " + qflow.resolve(QflowFlow.MIN_AREA_LEF).toAbsolutePath()),
                read(top + ".cfg"));
        assertTrue(read("source/" + top + ".ys").contains("synth -flatten -top " + top + "\n"), "flattened synthesis");
        assertFalse(read("log/route.log").contains("Failed to remove stacked via"));
    }

    @Test
    void qrouterVerdictAndDefAreRead() throws IOException {
        String route = read("log/route.log");
        assertEquals(0, QrouterLog.failedRoutes(route, "route.log"));
        assertEquals(3, QrouterLog.failedRoutes(route + "\nFinal: Failed net routes: 3\n", "edited"));
        DefLayout def = DefLayout.parse(read(top + ".def"), "def");
        assertEquals(report.dieAreaUm2(), def.dieAreaUm2(), 1e-9);
        assertTrue(def.components() > report.cells()); // fill cells are components too
        // three segments of a real qrouter net (the clock of an earlier run): 300 + 720 database units
        String net = "NETS 1 ;\n- clock\n  ( PIN clock ) \n  ( CLKBUF1_5 A ) \n+ ROUTED metal1 ( 9520 11400 ) M2_M1 \n"
                + "  NEW metal2 ( 9520 11400 ) ( * 11700 ) M3_M2 \n  NEW metal3 ( 9520 11700 ) ( 8800 * ) M3_M2 \n;\n";
        assertEquals(1020, DefLayout.wireLength(net, "snippet"));
    }

    /**
     * What magic read is the router's DEF touched up: the pins no wire of their own reaches lengthened
     * (once), the gaps within a net closed (once), and the die and the routes otherwise as routed.
     */
    @Test
    void theRoutedDefIsTouchedUpOnce() throws IOException {
        Path kept = qflow.resolve(top + ".def.qrouter");
        String original = Files.exists(kept) ? Files.readString(kept) : read(top + ".def");
        QflowFlow.TouchUp t = QflowFlow.touchUp(original, read(QflowFlow.MIN_AREA_LEF), "def");
        assertEquals(report.pinsPadded(), t.pinsPadded());
        assertEquals(read(top + ".def"), t.def()); // what magic read
        QflowFlow.TouchUp again = QflowFlow.touchUp(t.def(), read(QflowFlow.MIN_AREA_LEF), "touched");
        assertEquals(0, again.pinsPadded() + again.gapsClosed());
        assertEquals(t.def(), again.def());
        PinPads.Result pins = PinPads.pad(original, PinPads.MIN_AREA_UM2, "def");
        assertEquals(original.substring(original.indexOf("\nNETS ")),
                pins.def().substring(pins.def().indexOf("\nNETS ")), "pads change pins only");
        DefLayout routed = DefLayout.parse(original, "def");
        DefLayout touched = DefLayout.parse(t.def(), "touched");
        assertEquals(routed.dieAreaUm2(), touched.dieAreaUm2());
        assertEquals(routed.wireLengthUm(), touched.wireLengthUm(), 1.0 * t.gapsClosed(), "each join is below a micron");
    }

    /**
     * The SPEF's nets are matched to the netlist by their pins; qflow's two namings of a net differ
     * only by brackets and '$' turned into '_', which checks the match independently.
     */
    @Test
    void spefNetsMapOntoTheRoutedNetlistByTheirPins() throws IOException {
        Spef spef = Spef.parse(read(top + ".spef"), "spef");
        Liberty lib = GateLevelEnergy.library(QflowTools.liberty());
        Netlist routed = RoutedNetlist.read(qflow.resolve(top + ".rtlnopwr.v"), top, QflowTools.liberty(),
                out.resolve("reread"));
        WireCapacitance w = WireCapacitance.of(spef, routed, lib, "spef");
        assertEquals(1e-15, spef.capacitanceUnitFarads()); // what the header claims...
        assertEquals(1e-12, w.unitFarads()); // ...and what the pin loads show
        assertEquals(spef.nets().size(), w.mappedNets());
        assertEquals(0, w.unmappedNets());
        assertEquals(0, w.unextractedNets());
        double total = spef.nets().stream().mapToDouble(Spef.Net::totalCapacitance).sum() * 1e-12;
        assertEquals(total, w.totalFarads(), total * 1e-12);
        Map<String, Integer> byName = new java.util.HashMap<>();
        routed.netNames().forEach((bit, name) -> byName.put(name, bit));
        int checked = 0;
        for (Spef.Net n : spef.nets()) {
            String verilogName = n.name().replace('[', '_').replace(']', '_').replace('$', '_');
            Integer bit = byName.get(verilogName);
            if (bit == null) {
                bit = byName.get(n.name()); // ports keep their bus form
            }
            if (bit != null) {
                assertEquals(n.totalCapacitance() * 1e-12, w.farads().get(bit), 1e-20, n.name());
                checked++;
            }
        }
        assertTrue(checked > spef.nets().size() * 9 / 10, checked + " of " + spef.nets().size() + " nets by name");
    }

    /** A SPEF whose pin loads agree with its header is read in the header's unit. */
    @Test
    void aSpefThatStatesItsUnitTruthfullyIsTakenAtItsWord() throws IOException {
        String text = read(top + ".spef").replace("*C_UNIT 1 FF", "*C_UNIT 1 PF");
        Spef spef = Spef.parse(text, "spef");
        Liberty lib = GateLevelEnergy.library(QflowTools.liberty());
        Netlist routed = RoutedNetlist.read(qflow.resolve(top + ".rtlnopwr.v"), top, QflowTools.liberty(),
                out.resolve("reread-pf"));
        WireCapacitance w = WireCapacitance.of(spef, routed, lib, "spef");
        assertEquals(1e-12, w.unitFarads());
        assertEquals("as the SPEF header declares", w.unitNote());
    }

    @Test
    void theQflowVersionIsRead() {
        assertTrue(QflowTools.version().matches("\\d+\\.\\d+\\.\\d+"));
        assertEquals("1.3.17", QflowTools.parseVersion("\nQflow version 1.3 revision 17\n"));
    }
}
