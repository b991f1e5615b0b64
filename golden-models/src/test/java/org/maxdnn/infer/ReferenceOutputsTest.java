package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The exact map reproduces TFLite's integer result: all 150 int8 FC outputs equal those of an
 * independent implementation of the reference kernels (../shared/data/reference, see its
 * PROVENANCE.md: cross-checked layer by layer against a float recomputation).
 */
class ReferenceOutputsTest {
    @Test
    void exactMapMatchesTheIndependentReferenceOnAll150Images() throws Exception {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        List<LabeledImage> images = ImageSets.readFolder(assets.images(), 0);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), new MultiplierRegistry(null));
        Evaluation.Result r = Evaluation.run(plan, images, 2, null);
        List<String> lines = Files.readAllLines(assets.referenceFcOutputs());
        assertEquals("file,label,pred,fc_out", lines.get(0));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(images.get(i).name(), f[0]);
            int[] expected = Arrays.stream(f[3].split(";")).mapToInt(Integer::parseInt).toArray();
            if (!Arrays.equals(expected, r.logits()[i]) || Integer.parseInt(f[2]) != r.predictions()[i]) {
                mismatches.add(f[0] + ": expected " + f[3] + " got " + Arrays.toString(r.logits()[i]));
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(128, r.correct(), "exact accuracy on the 150 images");
    }
}
