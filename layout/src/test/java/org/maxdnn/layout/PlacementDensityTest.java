package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code layout --density D}: the first placement's density and the retries below it. */
class PlacementDensityTest {
    @Test
    void qflowsPackingIsRetriedAtEachRetryDensity() {
        assertEquals(Arrays.asList(null, 0.75, 0.65), QflowFlow.Effort.DEFAULT.densities());
    }

    @Test
    void aGivenDensityIsTriedFirstAndOnlyLowerRetriesFollow() {
        assertEquals(List.of(0.45), new QflowFlow.Effort(60, 16, 0.45, true).densities());
        assertEquals(List.of(0.7, 0.65), new QflowFlow.Effort(60, 1, 0.7, true).densities());
        assertEquals(List.of(0.9, 0.75, 0.65), new QflowFlow.Effort(60, 1, 0.9, true).densities());
    }

    @Test
    void theDensityIsWrittenForQflowsDecongestion() {
        Path lef = Path.of("/p/osu018_stdcells_minarea.lef");
        Path synth = Path.of("/p/synth.ys");
        assertTrue(QflowFlow.projectVars(10000, 0.45, lef, synth).lines().toList().contains("set initial_density = 0.45"));
        assertFalse(QflowFlow.projectVars(10000, null, lef, synth).contains("initial_density"));
    }

    @Test
    void aDensityOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QflowFlow.Effort(60, 1, 0.0, true));
        assertThrows(IllegalArgumentException.class, () -> new QflowFlow.Effort(60, 1, 1.2, true));
    }
}
