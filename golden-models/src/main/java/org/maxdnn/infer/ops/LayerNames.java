package org.maxdnn.infer.ops;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;

/**
 * How layers are named, in one place (SPEC §12): approximable layers by kind and index in execution
 * order, each kind counted on its own ({@code conv0…}, {@code dw0…}, {@code fc0…}, {@code tconv0…}); a
 * model's only FC layer is {@code fc} (ResNet-8's name), also found as {@code fc0}. Every other layer is its
 * short operator name and operator index ({@code add5}, {@code avgpool12}).
 */
public final class LayerNames {
    /** The approximable builtins and the prefix of their layers' names. */
    private static final Map<OpType, String> WEIGHTED = new EnumMap<>(Map.of(
            OpType.CONV_2D, "conv",
            OpType.DEPTHWISE_CONV_2D, "dw",
            OpType.FULLY_CONNECTED, "fc",
            OpType.TRANSPOSE_CONV, "tconv"));
    /** Short names of the other layers where the builtin's name is not used as it is. */
    private static final Map<OpType, String> SHORT = new EnumMap<>(Map.of(
            OpType.AVERAGE_POOL_2D, "avgpool",
            OpType.MAX_POOL_2D, "maxpool"));
    private static final String SINGLE_FC = "fc";

    private LayerNames() {
    }

    /** Whether layers of this builtin multiply weights and can be approximated. */
    public static boolean weighted(OpType type) {
        return WEIGHTED.containsKey(type);
    }

    /** Whether a map's {@code default} multiplier covers this kind (all but FC: SPEC §12). */
    public static boolean coveredByDefault(OpType type) {
        return weighted(type) && type != OpType.FULLY_CONNECTED;
    }

    /** The name of each operator, by its position in execution order. */
    public static String[] of(List<Operator> operators) {
        String[] names = new String[operators.size()];
        Map<OpType, Integer> counts = new EnumMap<>(OpType.class);
        long fcs = operators.stream().filter(o -> o.type() == OpType.FULLY_CONNECTED).count();
        for (Operator op : operators) {
            OpType type = op.type();
            String prefix = type != null ? WEIGHTED.get(type) : null;
            if (prefix == null) {
                String base = type == null ? "op" : SHORT.getOrDefault(type, type.name().toLowerCase(Locale.ROOT));
                names[op.index()] = base + op.index();
            } else if (type == OpType.FULLY_CONNECTED && fcs == 1) {
                names[op.index()] = SINGLE_FC;
            } else {
                names[op.index()] = prefix + (counts.merge(type, 1, Integer::sum) - 1);
            }
        }
        return names;
    }

    /**
     * The name a map or a user may also use for a layer: {@code fc0} for the single {@code fc};
     * {@code name} itself otherwise.
     */
    public static String alias(String name) {
        return name.equals(SINGLE_FC) ? "fc0" : name;
    }

    /** Whether {@code key} (as written in a map or on the command line) names layer {@code name}. */
    public static boolean names(String key, String name) {
        return key.equals(name) || key.equals(alias(name));
    }
}
