package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.explore.StandInEnergy;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * {@code run --all} explores on the data {@code explore} and {@code run} use (SPEC §9.1): ResNet-8 on
 * the JPEG CIFAR-10 test images (with --quick's 500, balanced over labels), its clean 150 images
 * beside them (the characterisation's operands, and the chosen map's clean figures in the summary),
 * the other networks on their own sample sets as before.
 */
class ExploreAllNetworksDataTest {
    @TempDir
    Path out;

    private final Assets assets = Assets.fromEnvironment();
    private final MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());

    @Test
    void theCifarNetworksExploreTheJpegImagesWithTheCleanOnesBeside() {
        List<ExploreAllNetworks.Job> jobs = ExploreAllNetworks.bundled(List.of(BundledModel.RESNET8, BundledModel.KWS),
                assets, 0, Profile.QUICK, registry);
        ExplorationData resnet8 = jobs.get(0).data().get();
        assertEquals(500, resnet8.work().images().size());
        assertTrue(resnet8.work().dataSet().source().toString().contains("jpeg_test_shared"),
                resnet8.work().dataSet().source().toString());
        int[] perLabel = new int[10];
        Arrays.stream(resnet8.work().task().sampleLabels()).forEach(l -> perLabel[l]++);
        assertTrue(Arrays.stream(perLabel).allMatch(n -> n == 50), Arrays.toString(perLabel));
        assertNotNull(resnet8.clean());
        assertEquals(150, resnet8.clean().work().images().size());
        assertEquals(resnet8.clean().work().images(), resnet8.operands().images(), "characterised on the clean images");
        ExplorationData kws = jobs.get(1).data().get();
        assertNull(kws.clean());
        assertEquals(800, kws.work().images().size(), "kws keeps its own 800 clips");
    }

    @Test
    void theSummaryShowsTheChosenMapOnTheCleanImages() throws Exception {
        ExploreMaps.Settings search = new ExploreMaps.Settings(List.of("layer"), false, 4, 4, 1, 1, true);
        ExploreAllNetworks.Result r = ExploreAllNetworks.run(new ExploreAllNetworks.Request(
                ExploreAllNetworks.bundled(List.of(BundledModel.RESNET8), assets, 40, Profile.QUICK, registry), ws -> {
                    Map<String, EnergyTable> t = new LinkedHashMap<>();
                    ws.forEach((name, w) -> {
                        assertEquals(40, w.images().size(), "--limit's first clean images");
                        t.put(name, StandInEnergy.of(w.net(), registry, Map.of()));
                    });
                    return new CharacteriseEnergy.Shared(t, null);
                }, List.of(), search, null, 2, out), FlowListener.SILENT);
        assertEquals(40, r.rows().get(0).validationSamples() * 2, "searched and validated on 40 JPEG images");
        ExploreAllNetworks.Chosen c = r.chosen().get(0);
        assertEquals("resnet8", c.network());
        assertNotNull(c.clean());
        assertEquals(150, c.clean().samples());
        CleanFigures.Row chosen = c.clean().row("chosen");
        assertNotNull(chosen);
        String md = Files.readString(r.markdown());
        assertTrue(md.contains("The chosen map of each network"), md);
        assertTrue(md.contains("150 clean images of cifar10/ic01_perf_samples"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%.2f", chosen.loss().lossPts())), md);
        assertTrue(Files.readString(out.resolve("chosen.csv")).lines().anyMatch(l -> l.startsWith("resnet8,")));
        assertTrue(Files.isRegularFile(out.resolve("resnet8/clean.csv")), "the network's own report has the clean table");
    }
}
