package org.maxdnn.flow;

import java.util.List;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * What the flow works on: the network, the labelled images its accuracy is measured on, and the
 * multipliers maps may name.
 */
public record Workload(Network net, List<LabeledImage> images, MultiplierRegistry registry) {
    public Workload {
        images = List.copyOf(images);
    }

    /** The same network and multipliers on the first {@code n} images. */
    public Workload first(int n) {
        return new Workload(net, images.subList(0, Math.min(n, images.size())), registry);
    }
}
