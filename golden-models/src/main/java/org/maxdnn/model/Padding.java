package org.maxdnn.model;

/** TF padding modes (schema.fbs Padding: SAME = 0, VALID = 1). */
public enum Padding {
    SAME, VALID;

    /** Output size along one axis. */
    public int outputSize(int in, int filter, int stride) {
        return this == SAME ? (in + stride - 1) / stride : (in - filter) / stride + 1;
    }

    /**
     * Padding before the first element: TF pads the total evenly and puts the odd one at the end
     * (bottom/right), so stride 2 on an even input pads bottom/right only.
     */
    public int before(int in, int filter, int stride) {
        if (this == VALID) {
            return 0;
        }
        int total = Math.max((outputSize(in, filter, stride) - 1) * stride + filter - in, 0);
        return total / 2;
    }
}
