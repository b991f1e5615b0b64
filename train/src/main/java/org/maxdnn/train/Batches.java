package org.maxdnn.train;

import java.util.List;
import java.util.Random;
import org.maxdnn.data.LabeledImage;

/**
 * Training batches as NCHW floats in the model's real input domain, with the usual CIFAR
 * augmentation when the input is an RGB image: a random 32×32 crop of the image padded by 4 pixels
 * (padding is real 0) and a horizontal flip with probability ½, drawn from the trainer's seeded
 * random source.
 */
final class Batches {
    static final int CROP_PADDING = 4;

    private final QatNetwork net;
    private final int height;
    private final int width;
    private final int channels;
    private final boolean augment;

    Batches(QatNetwork net, int[] inputShape) {
        this.net = net;
        this.height = inputShape[1];
        this.width = inputShape[2];
        this.channels = inputShape[3];
        this.augment = channels == 3;
    }

    int[] shape(int n) {
        return new int[] {n, channels, height, width};
    }

    /** Images {@code order[from..from+n)} as [n, C, H, W] real values. */
    float[] inputs(List<LabeledImage> images, int[] order, int from, int n, Random random) {
        float[] out = new float[n * channels * height * width];
        float[] lut = new float[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = net.inputValue(v);
        }
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            byte[] px = images.get(order[from + i]).pixels();
            int dy = augment ? random.nextInt(2 * CROP_PADDING + 1) - CROP_PADDING : 0;
            int dx = augment ? random.nextInt(2 * CROP_PADDING + 1) - CROP_PADDING : 0;
            boolean flip = augment && random.nextBoolean();
            int base = i * channels * plane;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + dx;
                    boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
                    for (int c = 0; c < channels; c++) {
                        out[base + c * plane + y * width + x] = inside ? lut[px[(sy * width + sx) * channels + c] & 0xFF] : 0f;
                    }
                }
            }
        }
        return out;
    }

    static int[] labels(List<LabeledImage> images, int[] order, int from, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = images.get(order[from + i]).label();
        }
        return out;
    }
}
