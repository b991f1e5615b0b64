package org.maxdnn.model;

import java.util.HashMap;
import java.util.Map;

/** Builtin options given slot by slot in memory, for graphs a test builds without a file. */
public final class SlotOptions implements BuiltinOptions {
    private final Map<Integer, Object> slots = new HashMap<>();

    public SlotOptions set(int slot, Object value) {
        slots.put(slot, value);
        return this;
    }

    @Override
    public boolean present() {
        return true;
    }

    @Override
    public int int8At(int slot, int dflt) {
        return slots.containsKey(slot) ? ((Number) slots.get(slot)).intValue() : dflt;
    }

    @Override
    public int int32At(int slot, int dflt) {
        return int8At(slot, dflt);
    }

    @Override
    public float float32At(int slot, float dflt) {
        return slots.containsKey(slot) ? ((Number) slots.get(slot)).floatValue() : dflt;
    }

    @Override
    public int[] intsAt(int slot) {
        return slots.containsKey(slot) ? ((int[]) slots.get(slot)).clone() : new int[0];
    }
}
