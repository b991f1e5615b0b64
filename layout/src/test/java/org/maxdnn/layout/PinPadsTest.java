package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** Which pins get a pad: only those no wire of their own net reaches on their layer (see {@link PinPads}). */
class PinPadsTest {
    /** Four 0.3 µm pins (0.09 µm², below 0.2): reached by a via only, by a wire, by a wire a unit off, by a stub. */
    private static final String DEF = """
            VERSION 5.6 ;
            UNITS DISTANCE MICRONS 100 ;
            DIEAREA ( 0 0 ) ( 10000 10000 ) ;
            PINS 4 ;
            - a + NET a
              + LAYER metal2 ( -15 -15 ) ( 15 15 )
              + PLACED ( 2000 10000 ) N ;
            - b + NET b
              + LAYER metal2 ( -15 -15 ) ( 15 15 )
              + PLACED ( 4000 10000 ) N ;
            - c + NET c
              + LAYER metal3 ( -15 -15 ) ( 15 15 )
              + PLACED ( 0 5000 ) N ;
            - d + NET d
              + LAYER metal2 ( -15 -15 ) ( 15 15 )
              + PLACED ( 6000 10000 ) N ;
            END PINS

            NETS 4 ;
            - a
              ( PIN a ) ( X1 A )
            + ROUTED metal2 ( 2000 10000 ) M3_M2
              NEW metal3 ( 2000 10000 ) ( * 8000 ) ;
            - b
              ( PIN b ) ( X2 A )
            + ROUTED metal2 ( 4000 9000 ) ( * 10000 ) ;
            - c
              ( PIN c ) ( X3 A )
            + ROUTED metal3 ( 3000 5000 ) ( 1 * ) ;
            - d
              ( PIN d ) ( X4 A )
            + ROUTED metal2 ( 6000 9980 ) ( * 10000 ) M3_M2
              NEW metal3 ( 6000 9980 ) ( 7000 * ) ;
            END NETS
            END DESIGN
            """;

    @Test
    void onlyPinsThatNoWireOfTheirNetReachesArePadded() {
        PinPads.Result r = PinPads.pad(DEF, PinPads.MIN_AREA_UM2, "test.def");
        // a: via only; d: a 0.2 um stub, (0.2 + 0.3) x 0.3 um < 0.2 um2. Both lengthened upwards, across
        // the top edge, to 0.7 um: 0.21 um2.
        assertEquals(2, r.padded());
        assertTrue(r.def().contains("+ LAYER metal2 ( -15 -15 ) ( 15 55 )\n  + PLACED ( 2000 10000 ) N ;"), r.def());
        assertTrue(r.def().contains("+ LAYER metal2 ( -15 -15 ) ( 15 55 )\n  + PLACED ( 6000 10000 ) N ;"), r.def());
        // b: a 10 um wire on metal2 ends on it; c: qrouter's wire ends a unit beside the pin's centre
        assertTrue(r.def().contains("+ LAYER metal2 ( -15 -15 ) ( 15 15 )\n  + PLACED ( 4000 10000 ) N ;"), r.def());
        assertTrue(r.def().contains("+ LAYER metal3 ( -15 -15 ) ( 15 15 )\n  + PLACED ( 0 5000 ) N ;"), r.def());
        assertEquals(DEF.substring(DEF.indexOf("END PINS")), r.def().substring(r.def().indexOf("END PINS")));
        assertEquals(0, PinPads.pad(r.def(), PinPads.MIN_AREA_UM2, "padded").padded());
    }

    @Test
    void aDefWithoutPinsIsRefusedNamingIt() {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> PinPads.pad(DEF.replace("PINS 4", "PONS 4"), PinPads.MIN_AREA_UM2, "x.def"));
        assertTrue(e.getMessage().startsWith("x.def: "), e.getMessage());
    }
}
