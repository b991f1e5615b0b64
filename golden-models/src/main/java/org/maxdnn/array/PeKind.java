package org.maxdnn.array;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.mult.ConfigurationCode;
import org.maxdnn.mult.MultiplierConfig;

/** What an array's PEs are: each with its configuration baked in, or configurable at run time. */
public sealed interface PeKind {
    /**
     * Each PE with its configuration baked in.
     *
     * @param grid grid.get(row).get(col), the configuration of PE (row, col)
     */
    record Fixed(List<List<MultiplierConfig>> grid) implements PeKind {
        public Fixed {
            List<List<MultiplierConfig>> copy = new ArrayList<>();
            for (List<MultiplierConfig> row : grid) {
                copy.add(List.copyOf(row));
            }
            grid = List.copyOf(copy);
        }
    }

    /**
     * Each PE loads, with every weight, a code selecting one of {@code code}'s configurations; the
     * generator builds the PE that decodes it.
     *
     * @param code the configurations and their codes ({@code RoupCode}: exact, roup and roupc)
     */
    record Configurable(ConfigurationCode code) implements PeKind {
    }
}
