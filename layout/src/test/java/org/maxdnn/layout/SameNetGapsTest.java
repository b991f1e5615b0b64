package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** Gaps within a net below the layer's spacing are closed, and nothing else changes (see {@link SameNetGaps}). */
class SameNetGapsTest {
    private static final String LEF = """
            LAYER metal5
              TYPE\t\tROUTING ;
              WIDTH\t\t0.3 ;
              SPACING\t0.3 ;
            END metal5

            LAYER metal6
              TYPE\t\tROUTING ;
              WIDTH\t\t0.5 ;
              SPACING\t0.5 ;
            END metal6

            VIA M6_M5 DEFAULT
              LAYER metal5 ;
                RECT -0.25 -0.25 0.25 0.25 ;
              LAYER via5 ;
                RECT -0.15 -0.15 0.15 0.15 ;
              LAYER metal6 ;
                RECT -0.25 -0.25 0.25 0.25 ;
            END M6_M5
            """;
    /**
     * Net n is the 4×4 accelerator's: a via's metal6 pad at (852.0, 577.0) µm, 0.3 µm from the net's
     * own metal6 wire at x = 852.8 µm (magic: "Metal6 spacing &lt; 5"). Net p has the same gap to net q
     * (two nets: not ours to close); net r's two metal6 pieces touch; net s's gap is diagonal.
     */
    private static final String DEF = """
            VERSION 5.6 ;
            UNITS DISTANCE MICRONS 100 ;
            DIEAREA ( 0 0 ) ( 200000 100000 ) ;
            NETS 5 ;
            - n
              ( X1 A ) ( X2 Y )
            + ROUTED metal5 ( 86080 57100 ) ( 85280 * ) M6_M5
              NEW metal6 ( 85280 57100 ) ( * 57900 ) M6_M5
              NEW metal5 ( 85280 57900 ) ( 84880 * )
              NEW metal5 ( 87920 57700 ) ( 85200 * ) M6_M5
              NEW metal6 ( 85200 57700 ) ( 85120 * ) ( * 57900 ) M6_M5 ;
            - p
              ( X3 A )
            + ROUTED metal6 ( 10080 57100 ) ( * 57900 ) ;
            - q
              ( X4 A )
            + ROUTED metal5 ( 11920 57700 ) ( 10000 * ) M6_M5 ;
            - r
              ( X5 A )
            + ROUTED metal6 ( 20000 10000 ) ( * 11000 )
              NEW metal6 ( 20000 11000 ) ( 21000 * ) ;
            - s
              ( X6 A )
            + ROUTED metal6 ( 30000 10000 ) ( * 11000 )
              NEW metal5 ( 31000 11060 ) ( 30060 * ) M6_M5 ;
            END NETS
            END DESIGN
            """;

    @Test
    void theGapWithinANetIsClosedByAWireOfTheNet() {
        SameNetGaps.Result r = SameNetGaps.close(DEF, LEF, "test.def");
        assertEquals(1, r.closed());
        assertEquals(1, r.left(), "net s: the pad at (300.6, 110.6) is diagonal from the wire's end");
        String closed = DEF.replace("( 85120 * ) ( * 57900 ) M6_M5 ;",
                "( 85120 * ) ( * 57900 ) M6_M5 \n  NEW metal6 ( 85280 57700 ) ( 85200 57700 ) ;");
        assertEquals(closed, r.def());
        SameNetGaps.Result again = SameNetGaps.close(r.def(), LEF, "closed.def");
        assertEquals(0, again.closed());
        assertEquals(r.def(), again.def());
    }

    @Test
    void aDefWithoutNetsIsRefusedNamingIt() {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> SameNetGaps.close(DEF.replace("NETS 5", "NOTS 5"), LEF, "x.def"));
        assertTrue(e.getMessage().startsWith("x.def: "), e.getMessage());
    }
}
