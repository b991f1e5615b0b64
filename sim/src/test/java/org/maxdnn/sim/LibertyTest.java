package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** Values checked here were read off the liberty files by hand. */
class LibertyTest {
    @Test
    void osu018CellsUnitsPinsAndFunctions() {
        Liberty l = TestDesigns.liberty(TestDesigns.OSU018);
        assertEquals("osu018_stdcells", l.name());
        assertEquals(32, l.cells().size());
        assertEquals(1e-9, l.timeUnit(), 1e-21);
        assertEquals(1e-12, l.capacitanceUnit(), 1e-24);
        assertEquals(1e-9, l.leakagePowerUnit(), 1e-21);
        assertEquals(1.8, l.nominalVoltage(), 1e-12);
        assertEquals(1e-12, l.energyUnit(), 1e-24);
        assertNull(l.defaultWireLoad());

        LibertyCell fa = l.cell("FAX1");
        assertEquals(120, fa.area(), 0);
        assertEquals(0.230647, fa.leakage(), 1e-12);
        assertEquals(0.230647, fa.meanLeakage(), 1e-12);
        assertEquals(List.of("A", "B", "C", "YC", "YS"), List.copyOf(fa.pins().keySet()));
        assertEquals(0.0613054, fa.pin("A").capacitance(), 1e-12); // capacitance > rise_capacitance
        assertEquals(0.05692, fa.pin("B").capacitance(), 1e-12);
        assertEquals("input", fa.pin("C").direction());
        assertEquals("output", fa.pin("YS").direction());
        assertEquals("(((A B)+(B C))+(C A))", fa.pin("YC").function().toString());
        assertEquals("((A^B)^C)", fa.pin("YS").function().toString());
        assertEquals(3, fa.pin("YC").internalPowers().size());
        assertEquals(List.of("A"), fa.pin("YC").internalPowers().get(0).relatedPins());
        assertEquals(3, fa.pin("YC").timingArcs().size());
        assertEquals("positive_unate", fa.pin("YC").timingArcs().get(0).sense());
        assertFalse(fa.sequential());
        assertTrue(l.cell("DFFPOSX1").sequential());

        LibertyCell aoi = l.cell("AOI22X1");
        InternalPower a = aoi.pin("Y").internalPowers().get(0);
        assertEquals(List.of("A"), a.relatedPins());
        LookupTable fall = a.fall();
        assertEquals(2, fall.dimensions());
        assertEquals("total_output_net_capacitance", fall.variable1());
        assertEquals("input_transition_time", fall.variable2());
        // grid point (load 0.005, slew 0.06) and (0.0125, 0.18)
        assertEquals(0.017252, fall.lookup(0.06, 0.005), 1e-12);
        assertEquals(0.014085, fall.lookup(0.18, 0.0125), 1e-12);
        // midway in both axes: the mean of the four corners
        double mid = (0.017252 + 0.014504 + 0.016991 + 0.014085) / 4;
        assertEquals(mid, fall.lookup(0.12, 0.00875), 1e-12);
        // linear extrapolation below the first load point along the first segment
        assertEquals(0.017252 + (0.017252 - 0.016991) * (0.005 / 0.0075), fall.lookup(0.06, 0.0), 1e-12);

        int groups = 0;
        for (LibertyCell c : l.cells().values()) {
            for (LibertyPin p : c.pins().values()) {
                groups += p.internalPowers().size();
            }
        }
        assertEquals(79, groups);
        assertEquals("(!A)", l.cell("INVX1").pin("Y").function().toString());
        assertEquals(0.0216, l.meanInputCapacitance(), 0.0001);
    }

    @Test
    void sky130GzipCellsConditionalLeakageAndWireLoad() {
        Liberty l = TestDesigns.liberty(TestDesigns.sky130());
        assertEquals("sky130_fd_sc_hd__tt_025C_1v80", l.name());
        assertEquals(428, l.cells().size());
        assertEquals(1.8, l.nominalVoltage(), 1e-12);
        assertEquals(1e-12, l.capacitanceUnit(), 1e-24);
        LibertyCell nand = l.cell("sky130_fd_sc_hd__nand2_1");
        // capacitance 0.002315, rise 0.002375, fall 0.002254: the largest
        assertEquals(0.002375, nand.pin("A").capacitance(), 1e-12);
        assertEquals(0.002428, nand.pin("B").capacitance(), 1e-12);
        assertEquals("(!A) | (!B)", nand.pin("Y").function().toString());
        assertTrue(nand.pin("Y").function().eval(false, true));
        assertFalse(nand.pin("Y").function().eval(true, true));
        assertEquals(0.00211796, nand.leakage(), 1e-12);
        assertEquals(4, nand.conditionalLeakage().size());
        // input-pin internal power: 1-D in input_transition_time, negative rise energy
        InternalPower in = nand.pin("A").internalPowers().get(0);
        assertEquals(1, in.rise().dimensions());
        assertEquals(-0.0038955, in.rise().lookup(0.01, 0), 1e-12);
        assertEquals(0.0047914, in.fall().lookup(0.01, 0), 1e-12);
        // output tables: variable_1 is the transition, variable_2 the load
        InternalPower y = nand.pin("Y").internalPowers().get(0);
        assertEquals("input_transition_time", y.rise().variable1());
        assertEquals(0.0037314, y.rise().lookup(0.01, 0.0005), 1e-12);
        assertEquals(0.0052286, y.rise().lookup(0.01, 0.001316547), 1e-9);

        WireLoad wl = l.defaultWireLoad();
        assertNotNull(wl);
        assertEquals("Small", wl.name());
        assertEquals(23.2746 * 1.42e-5, wl.capacitance(1), 1e-12);
        // beyond the table: the last length plus slope per extra fanout
        assertEquals((84.2649 + 8.3631 * 5) * 1.42e-5, wl.capacitance(11), 1e-12);
    }

    @Test
    void syntaxDetails() {
        String text = """
                /* comment */ library (t) {
                  time_unit : "1ps" ;
                  capacitive_load_unit (1, ff);
                  voltage_unit : "1mV";
                  leakage_power_unit : 1pW;
                  operating_conditions (oc) { voltage : 900; }
                  default_operating_conditions : oc;
                  lu_table_template (t1) { variable_1 : input_net_transition; index_1 ("1, 2"); }
                  cell (X) {
                    area : 2
                    pin (A, B) { direction : input; capacitance : 1.5; }
                    pin (Y) { direction : output; function : "A B + !A !B";
                      timing () { related_pin : "A B"; rise_transition (t1) { values ("3, \\
                        5"); } }
                    }
                  }
                }
                """;
        Liberty l = LibertyInterpreter.interpret(java.nio.file.Path.of("t.lib"), LibertyParser.parseText("t.lib", text));
        assertEquals(1e-12, l.timeUnit(), 1e-24);
        assertEquals(1e-15, l.capacitanceUnit(), 1e-27);
        assertEquals(1e-3, l.voltageUnit(), 1e-15);
        assertEquals(1e-12, l.leakagePowerUnit(), 1e-24);
        assertEquals(0.9, l.nominalVoltage(), 1e-12);
        LibertyCell x = l.cell("X");
        assertEquals(2, x.area(), 0);
        assertEquals(1.5, x.pin("B").capacitance(), 0);
        assertEquals(List.of("A", "B"), x.pin("Y").timingArcs().get(0).relatedPins());
        assertEquals(4.0, x.pin("Y").timingArcs().get(0).riseTransition().lookup(1.5, 0), 1e-12);
        assertTrue(x.pin("Y").function().eval(false, false));
        assertFalse(x.pin("Y").function().eval(true, false));
    }

    @Test
    void malformedFilesFailWithTheirLineNumber() {
        String[][] cases = {
            {"library (t) {\n  cell (X) {\n    area : 1\n", ":2:"},          // group not closed
            {"library (t) {\n  a : 1;\n  b : \"open\n}\n", ":3:"},             // unterminated string
            {"library (t) {\n  a : 1;\n  /* never closed\n", ":3:"},           // unterminated comment
            {"library (t) {\n  x 1;\n}\n", ":2:"},                              // no ':' or '('
            {"library (t) {\n}\nextra : 1;\n", ":3:"},                          // text after the library
            {"cell (t) {\n}\n", ":1:"},                                         // not a library
        };
        for (String[] c : cases) {
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> LibertyParser.parseText("bad.lib", c[0]));
            assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains("bad.lib" + c[1]), e.getMessage());
        }
    }
}
