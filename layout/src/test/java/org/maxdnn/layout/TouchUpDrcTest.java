package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.testing.RequiresTools;

/**
 * magic's DRC on an excerpt of the routed 4×4 accelerator (qrouter's DEF, its nets cut to the pieces
 * around three of its DRC errors): the router's DEF fails, the touched-up one is clean
 * ({@link QflowFlow#touchUp(String, String, String)}).
 */
@RequiresTools({"qflow", "magic"})
class TouchUpDrcTest {
    /**
     * Two top-edge pins reached by metal2 from below, one of them from outside the die (a pad on the
     * other used to come within 0.3 µm of that wire); net m's metal6 via pad 0.3 µm from its own wire;
     * net _8438_'s via over no metal1 beside OR2X2_210.
     */
    private static final String DEF = """
            VERSION 5.6 ;
            NAMESCASESENSITIVE ON ;
            DIVIDERCHAR "/" ;
            BUSBITCHARS "<>" ;
            DESIGN excerpt ;
            UNITS DISTANCE MICRONS 100 ;

            DIEAREA ( -320 -300 ) ( 211920 147300 ) ;

            COMPONENTS 1 ;
            - OR2X2_210 OR2X2 + PLACED ( 169320 32050 ) FS ;
            END COMPONENTS

            PINS 2 ;
            - hostAddress[29] + NET hostAddress[29]
              + LAYER metal2 ( -15 -15 ) ( 15 15 )
              + PLACED ( 88800 147300 ) N ;
            - hostReadData[14] + NET hostReadData[14]
              + LAYER metal2 ( -15 -15 ) ( 15 15 )
              + PLACED ( 88240 147300 ) N ;
            END PINS

            NETS 4 ;
            - hostAddress[29]
              ( PIN hostAddress[29] )
            + ROUTED metal3 ( 84960 146800 ) ( 88800 * ) M3_M2
              NEW metal2 ( 88800 146800 ) ( * 147300 ) ;
            - hostReadData[14]
              ( PIN hostReadData[14] )
            + ROUTED metal3 ( 88240 145000 ) ( 88880 * ) M3_M2
              NEW metal2 ( 88880 145000 ) ( * 147400 ) ( 88240 * ) ( * 147300 ) ;
            - m
              ( X1 A )
            + ROUTED metal5 ( 86080 57100 ) ( 85280 * ) M6_M5
              NEW metal6 ( 85280 57100 ) ( * 57900 ) M6_M5
              NEW metal5 ( 85280 57900 ) ( 84880 * )
              NEW metal5 ( 87920 57700 ) ( 85200 * ) M6_M5
              NEW metal6 ( 85200 57700 ) ( 85120 * ) ( * 57900 ) M6_M5 ;
            - _8438_
              ( OR2X2_210 A )
            + ROUTED metal2 ( 169360 32800 ) ( 169280 * ) ( * 32500 ) M2_M1
              NEW metal1 ( 169280 32500 ) ( 168960 * )
              NEW metal2 ( 169280 33200 ) ( * 32800 ) M2_M1
              NEW metal2 ( 169360 31400 ) ( * 32800 ) M2_M1 ;
            END NETS

            END DESIGN
            """;

    @TempDir
    Path dir;

    @Test
    void theRoutersDefFailsAndTheTouchedUpOneIsClean() throws IOException {
        Files.copy(QflowTools.TECH_DIR.resolve(QflowTools.TECH + ".magicrc"), dir.resolve(".magicrc"));
        String lef = MinAreaLef.withMinArea(Files.readString(QflowTools.lef()), QflowTools.lef().toString());
        Files.writeString(dir.resolve("tech.lef"), lef);
        QflowFlow.TouchUp t = QflowFlow.touchUp(DEF, lef, "excerpt.def");
        assertEquals(1, t.viasRemoved());
        assertEquals(1, t.gapsClosed());
        assertEquals(0, t.pinsPadded(), "both pins are reached by their wires");
        String routed = drc("routed", DEF);
        assertTrue(routed.contains("Metal1 area < 20") && routed.contains("Metal6 spacing < 5"), routed);
        assertEquals(2, MagicDrc.violations(routed, "routed"), routed);
        String touched = drc("touched", t.def());
        assertEquals(0, MagicDrc.violations(touched, "touched"), touched);
    }

    /** magic's DRC on {@code def} as qflow's migrate and drc stages run it; its output with each error's reason. */
    private String drc(String name, String def) throws IOException {
        Files.writeString(dir.resolve(name + ".def"), def);
        Files.writeString(dir.resolve(name + ".tcl"), """
                drc off
                snap int
                lef read tech.lef
                def read %s
                load excerpt
                drc on
                select top cell
                expand
                drc check
                drc catchup
                puts stdout "drc = [drc list count total]"
                foreach {why boxes} [drc listall why] { puts stdout "why: $why" }
                quit -noprompt
                """.formatted(name));
        return ExternalTool.MAGIC.run(dir, 300, "-dnull", "-noconsole", name + ".tcl").output();
    }
}
