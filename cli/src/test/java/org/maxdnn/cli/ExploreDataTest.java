package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.flow.CharacteriseEnergy;
import org.maxdnn.flow.ExplorationData;
import org.maxdnn.flow.Workload;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;

/**
 * What explore and run search on by default: for ResNet-8 the 4,964 JPEG CIFAR-10 test images (500,
 * balanced over labels, with --quick; N with --limit N) with the clean 150 images beside them, whose
 * first images still give the energy characterisation its operands; for the other networks and for
 * a user's data, that data alone.
 */
class ExploreDataTest {
    static ExplorationData data(String... args) throws Exception {
        CommandLine cmd = new DefaultParser().parse(new ExploreCommand().options(), args);
        return Inputs.exploreData(cmd, new Context(null, System.out, System.err));
    }

    static int[] perLabel(ExplorationData d) {
        int[] n = new int[10];
        Arrays.stream(d.work().task().sampleLabels()).forEach(l -> n[l]++);
        return n;
    }

    @Test
    void resnet8ExploresTheJpegImagesWithTheCleanOnesBeside() throws Exception {
        Assets assets = Assets.fromEnvironment();
        ExplorationData full = data();
        assertEquals(4964, full.work().images().size());
        assertEquals(150, full.clean().work().images().size());
        assertTrue(full.clean().set().contains("ic01_perf_samples"), full.clean().set());
        // the characterisation's operands: the clean images, as before the JPEG default
        assertEquals(full.clean().work().images(), full.operands().images());
        assertEquals(CharacteriseEnergy.OPERAND_IMAGES, full.operands().first(CharacteriseEnergy.OPERAND_IMAGES)
                .images().size());

        ExplorationData quick = data("--quick");
        assertEquals(500, quick.work().images().size());
        assertTrue(Arrays.stream(perLabel(quick)).allMatch(n -> n == 50), Arrays.toString(perLabel(quick)));
        ExplorationData limited = data("--limit", "40", "--model", "resnet8-large");
        assertTrue(Arrays.stream(perLabel(limited)).allMatch(n -> n == 4), Arrays.toString(perLabel(limited)));
        assertEquals(40, limited.operands().images().size(), "--limit also limits the operands");

        ExplorationData own = data("--images", BundledModel.RESNET8.samples(assets).toString(), "--limit", "20");
        assertEquals(20, own.work().images().size());
        assertNull(own.clean(), "a user's data replaces both sets");
        ExplorationData kws = data("--model", "kws", "--quick");
        assertNull(kws.clean());
        assertEquals(800, kws.work().images().size(), "kws keeps its own 800 clips");
    }

    /** --task on the JPEG default: the searched images and the clean ones are scored as it says, not by their labels. */
    @Test
    void theTaskIsHonouredOnTheJpegDefault() throws Exception {
        ExplorationData agreement = data("--limit", "20", "--task", "agreement");
        assertNotNull(agreement.clean());
        for (Workload w : List.of(agreement.work(), agreement.clean().work())) {
            assertTrue(w.task() instanceof Classification c && c.agreement(), w.task().metricName());
        }
        ExplorationData snr = data("--limit", "20", "--task", "snr");
        assertTrue(snr.work().task() instanceof Fidelity && snr.clean().work().task() instanceof Fidelity);
        assertEquals(20, snr.work().images().size());
        ExplorationData labels = data("--limit", "20", "--task", "labels");
        assertFalse(((Classification) labels.work().task()).agreement());
        assertEquals(2, Arrays.stream(perLabel(labels)).max().orElseThrow(), "balanced over the data's labels");
    }
}
