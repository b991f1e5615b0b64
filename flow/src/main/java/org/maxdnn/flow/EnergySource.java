package org.maxdnn.flow;

import java.nio.file.Path;
import org.maxdnn.MaxdnnException;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.EnergyTable;

/**
 * Where the flow's energy table comes from: a table file written by an earlier characterisation, or
 * a characterisation run now. Exactly one of the two is set.
 */
public record EnergySource(Path tableFile, CharacteriseEnergy.Request characterise) {
    public EnergySource {
        if ((tableFile == null) == (characterise == null)) {
            throw new IllegalArgumentException("give a table file or a characterisation, not both or neither");
        }
    }

    public static EnergySource file(Path tableFile) {
        return new EnergySource(tableFile, null);
    }

    public static EnergySource characterise(CharacteriseEnergy.Request request) {
        return new EnergySource(null, request);
    }

    /** Runs stage 1 when this source is a characterisation; null when it is a file. */
    CharacteriseEnergy.Characterised characterise(FlowListener listener) {
        return characterise == null ? null : CharacteriseEnergy.run(characterise, listener);
    }

    /**
     * The energy per action {@code characterised} measured, else the {@link CharacteriseEnergy#ACTIONS_FILE}
     * beside the table file (a clear error when absent).
     */
    ActionEnergyTable actions(CharacteriseEnergy.Characterised characterised) {
        if (characterised != null) {
            return characterised.actions();
        }
        Path f = tableFile.resolveSibling(CharacteriseEnergy.ACTIONS_FILE);
        if (!java.nio.file.Files.isRegularFile(f)) {
            throw MaxdnnException.badInput("no energy per action beside energy table " + tableFile + ": expected " + f
                    + " (maxdnn energy writes it with the table)");
        }
        return ActionEnergyTable.read(f);
    }

    /** The liberty the energies are measured on: the characterisation's, else osu018 (a table file's default). */
    Path liberty() {
        return characterise != null ? characterise.liberty() : org.maxdnn.sim.Liberty.OSU018;
    }

    /** The table {@code characterised} measured ({@link #characterise}), else the file's. */
    EnergyTable table(CharacteriseEnergy.Characterised characterised) {
        return characterised != null ? characterised.table() : EnergyTable.read(tableFile);
    }
}
