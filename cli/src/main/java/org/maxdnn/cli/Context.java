package org.maxdnn.cli;

import java.io.PrintStream;
import org.maxdnn.Assets;

/** What every command gets besides its options: where assets are and where to print. */
public record Context(String assetsOption, PrintStream out, PrintStream err) {
    /** The asset folder from --assets or MAXDNN_ASSETS (a clear error when neither is set). */
    public Assets assets() {
        return Assets.resolve(assetsOption);
    }
}
