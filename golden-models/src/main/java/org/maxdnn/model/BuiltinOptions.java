package org.maxdnn.model;

/**
 * An operator's builtin options table (schema.fbs, the {@code builtin_options} union), read by slot
 * number: slot n is the n-th field of the options table in the schema. Each operator class parses
 * its own options from it, as each TFLite kernel does; absent fields give the schema's defaults.
 */
public interface BuiltinOptions {
    /** No options table at all. */
    BuiltinOptions NONE = new BuiltinOptions() {
        @Override
        public boolean present() {
            return false;
        }

        @Override
        public int int8At(int slot, int dflt) {
            return dflt;
        }

        @Override
        public int int32At(int slot, int dflt) {
            return dflt;
        }

        @Override
        public float float32At(int slot, float dflt) {
            return dflt;
        }

        @Override
        public int[] intsAt(int slot) {
            return new int[0];
        }
    };

    /** Whether the operator has an options table. */
    boolean present();

    /** A byte, bool or byte-wide enum field. */
    int int8At(int slot, int dflt);

    int int32At(int slot, int dflt);

    float float32At(int slot, float dflt);

    /** A vector of int32 (empty when absent). */
    int[] intsAt(int slot);
}
