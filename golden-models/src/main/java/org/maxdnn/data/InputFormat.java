package org.maxdnn.data;

/** How a sample folder's files become model inputs (SPEC §12), detected from the model input and the files. */
public enum InputFormat {
    /** HWC uint8 images of the input's size; int8 = byte − 128 (a model whose input zero point is −128). */
    UINT8_IMAGE("HWC uint8 images (int8 = byte - 128)"),
    /** int8 tensors of the input's size, fed as they are (e.g. KWS's quantised MFCCs). */
    INT8_TENSOR("int8 tensors fed as they are"),
    /**
     * float32 little-endian files cut into windows of the input's size (window and step in bytes in
     * y_labels.csv), each quantised as TFLite's QUANTIZE does (the anomaly set).
     */
    FLOAT32_WINDOWS("float32 files cut into windows, quantised with the input's scale and zero point"),
    /** Deterministic random inputs over each input tensor's whole range ({@link RandomInputs}), no labels. */
    RANDOM("deterministic random inputs over each input tensor's range"),
    /** NumPy arrays of every input tensor ({@link NpyFolder}), no labels. */
    NPY("NumPy .npy arrays in each input tensor's dtype and shape");

    private final String description;

    InputFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether the samples carry no labels (they are scored by fidelity to the exact model). */
    public boolean unlabelled() {
        return this == RANDOM || this == NPY;
    }
}
