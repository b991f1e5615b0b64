package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Approximation-aware fine-tuning of an int8 model's weights under a map, and the export of the
 * result as an int8 model of the same graph. The implementation lives in the optional {@code train}
 * module (a deep-learning engine of about 112 MB), which the CLI loads only for {@code finetune}.
 */
public interface Trainer {
    /**
     * @param model    the int8 .tflite whose graph and quantisation scheme are trained and exported
     * @param map      the multipliers of the forward pass (exact where the map says exact)
     * @param images   the training images, HWC bytes in the model's unsigned input form
     * @param schedule epochs, batch, learning rate, seed
     * @param exported where the fine-tuned int8 .tflite goes
     */
    Result train(Path model, ApproxMap map, MultiplierRegistry registry, List<LabeledImage> images, Schedule schedule,
                 Path exported, FlowListener listener);

    /**
     * Adam with decoupled weight decay, each tensor's steps relative to its magnitude, and a cosine learning
     * rate from {@code learningRate} to 0 over all steps;
     * {@code maxSteps} &gt; 0 stops early (tests); random crops (4-pixel zero padding) and horizontal
     * flips, shuffled per epoch from {@code seed}.
     */
    record Schedule(int epochs, int batch, double learningRate, double weightDecay, long seed, int maxSteps) {
        public Schedule {
            if (epochs < 1 || batch < 1 || !(learningRate > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("epochs, batch and learning rate must be positive");
            }
        }
    }

    /** One epoch: mean training loss (cross-entropy), training top-1 of the forward pass, wall time. */
    record Epoch(int epoch, int steps, double meanLoss, double trainAccuracy, double seconds) {
    }

    /**
     * @param start       where the float weights came from (e.g. "the int8 weights dequantised")
     * @param firstLosses the loss of the first steps (for the test that the loss falls)
     * @param lastLosses  the loss of the last steps
     */
    record Result(Path exported, String start, List<Epoch> epochs, double[] firstLosses, double[] lastLosses) {
    }
}
