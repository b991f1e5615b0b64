package org.maxdnn.data;

/**
 * One image as the model takes it: H·W·C pixel bytes (0..255, HWC order) and its label
 * (-1 when unknown). {@code name} identifies it in reports (file name or batch index).
 */
public record LabeledImage(String name, int label, byte[] pixels) {
}
