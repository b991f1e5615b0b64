package org.maxdnn.data;

/**
 * One input as the model takes it, with its label (-1 when unknown): {@code pixels} holds the
 * model's int8 input tensor in unsigned form, code + 128 — for an image its HWC pixel bytes
 * (SPEC §12: int8 = byte − 128), for an int8 MFCC clip or a quantised spectrogram window its codes
 * with the sign bit flipped. {@code name} identifies it in reports (file name, batch index, or
 * file and window).
 */
public record LabeledImage(String name, int label, byte[] pixels) implements java.io.Serializable {
}
