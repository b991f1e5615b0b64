package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** Vias whose pad touches nothing of their net on one side are removed, and no other (see {@link DanglingVias}). */
class DanglingViasTest {
    private static final String LEF = """
            LAYER metal1
              TYPE\t\tROUTING ;
              WIDTH\t\t0.3 ;
            END metal1

            LAYER metal2
              TYPE\t\tROUTING ;
              WIDTH\t\t0.3 ;
            END metal2

            VIA M2_M1 DEFAULT
              LAYER metal1 ;
                RECT -0.200 -0.200 0.200 0.200 ;
              LAYER via ;
                RECT -0.100 -0.100 0.100 0.100 ;
              LAYER metal2 ;
                RECT -0.200 -0.200 0.200 0.200 ;
            END M2_M1

            MACRO OR2X2
              CLASS  CORE ;
              SIZE 3.200 BY 10.000 ;
              PIN A
                PORT
                  LAYER metal1 ;
                    RECT 0.200 1.900 0.600 2.700 ;
                END
              END A
            END OR2X2
            """;
    /**
     * Net _8438_ of the 4×4 accelerator around OR2X2_210 (placed FS: its pin A spans x 1693.4–1693.8,
     * y 327.8–328.6 µm): the via at (1693.6, 328.0) lands on pin A; the one at (1692.8, 328.0) sits where
     * two metal2 branches meet, over no metal1 (magic: "Metal1 area &lt; 20"); the one at (1692.8, 325.0)
     * joins a metal1 wire. The same via at (1692.8, 328.0) in net other lands on a metal1 wire of its own.
     */
    private static final String DEF = """
            VERSION 5.6 ;
            UNITS DISTANCE MICRONS 100 ;
            DIEAREA ( 0 0 ) ( 200000 100000 ) ;
            COMPONENTS 1 ;
            - OR2X2_210 OR2X2 + PLACED ( 169320 32050 ) FS ;
            END COMPONENTS

            NETS 2 ;
            - _8438_
              ( OR2X2_210 A )
            + ROUTED metal2 ( 169360 32800 ) ( 169280 * ) ( * 32500 ) M2_M1
              NEW metal1 ( 169280 32500 ) ( 168960 * )
              NEW metal2 ( 169280 33200 ) ( * 32800 ) M2_M1
              NEW metal2 ( 169360 31400 ) ( * 32800 ) M2_M1 ;
            - other
              ( X1 A )
            + ROUTED metal2 ( 69280 33200 ) ( * 32800 ) M2_M1
              NEW metal1 ( 69280 32800 ) ( 68960 * ) ;
            END NETS
            END DESIGN
            """;

    @Test
    void theViaOverNoMetalIsRemovedAndTheOthersStay() {
        DanglingVias.Result r = DanglingVias.remove(DEF, LEF, "test.def");
        assertEquals(1, r.removed());
        assertEquals(DEF.replace("NEW metal2 ( 169280 33200 ) ( * 32800 ) M2_M1", "NEW metal2 ( 169280 33200 ) ( * 32800 )"),
                r.def());
        assertEquals(0, DanglingVias.remove(r.def(), LEF, "again").removed());
    }

    /** Placed N instead of FS, pin A spans y 322.4–323.2 µm: the via at (1693.6, 328.0) then lands on nothing too. */
    @Test
    void theCellsOrientationDecidesWhereItsPinsAre() {
        DanglingVias.Result r = DanglingVias.remove(DEF.replace("( 169320 32050 ) FS", "( 169320 32050 ) N"), LEF, "n.def");
        assertEquals(2, r.removed());
        assertTrue(r.def().contains("NEW metal2 ( 169360 31400 ) ( * 32800 ) ;"), r.def());
    }

    @Test
    void aCellPlacedRotatedIsRefused() {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> DanglingVias.remove(DEF.replace("( 169320 32050 ) FS", "( 169320 32050 ) W"), LEF, "w.def"));
        assertTrue(e.getMessage().startsWith("w.def: 1 of 1 components are not placed N, S, FN or FS"), e.getMessage());
    }

    @Test
    void aCellMissingFromTheLefIsRefusedNamingIt() {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> DanglingVias.remove(DEF.replace("OR2X2 + PLACED", "NOR9X9 + PLACED"), LEF, "x.def"));
        assertTrue(e.getMessage().startsWith("x.def: cell NOR9X9"), e.getMessage());
    }
}
