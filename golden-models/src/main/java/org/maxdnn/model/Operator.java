package org.maxdnn.model;

/**
 * One operator of the graph as the file holds it: its builtin, tensors and raw options, which the
 * operator's own class parses ({@code org.maxdnn.infer.Operators}).
 *
 * @param index      position in execution order
 * @param type       the builtin, or null for a code newer than the schema this toolkit knows
 * @param code       the builtin code as stored
 * @param customCode the custom operator's name (CUSTOM only), else null
 * @param inputs     tensor indices, -1 for an absent optional input
 */
public record Operator(int index, OpType type, int code, String customCode, int[] inputs, int[] outputs,
                       BuiltinOptions options) {

    /** The TFLite name: the builtin's, {@code CUSTOM(name)}, or a newer builtin by its code. */
    public String typeName() {
        if (type == OpType.CUSTOM) {
            return "CUSTOM(" + customCode + ")";
        }
        return type != null ? type.name() : "a builtin newer than this toolkit's schema (code " + code + ")";
    }
}
