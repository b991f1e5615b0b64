package org.maxdnn.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/** The DRC count of qflow's magic run: its script prints {@code drc = N} ({@code drc list count total}). */
public final class MagicDrc {
    private static final Pattern COUNT = Pattern.compile("(?m)^drc = (\\d+)\\s*$");

    private MagicDrc() {
    }

    /** The violations magic counted ({@code log/drc.log}); {@code where} names it in errors. */
    public static int violations(String log, String where) {
        Matcher m = COUNT.matcher(log);
        Integer n = null;
        while (m.find()) {
            n = Integer.parseInt(m.group(1));
        }
        if (n == null) {
            throw MaxdnnException.badInput(where + ": magic printed no 'drc = N' line; the DRC did not run to the end");
        }
        return n;
    }
}
