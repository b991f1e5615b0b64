package org.maxdnn.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/** qrouter's verdict in qflow's {@code log/route.log}: "Final: No failed routes!" or "Final: Failed net routes: N". */
public final class QrouterLog {
    private static final Pattern FINAL = Pattern.compile("(?m)^Final:\\s*(No failed routes!|Failed net routes:\\s*(\\d+))");

    private QrouterLog() {
    }

    /** The nets left unrouted; {@code where} names the log in errors. */
    public static int failedRoutes(String log, String where) {
        Matcher m = FINAL.matcher(log);
        Integer n = null;
        while (m.find()) {
            n = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        }
        if (n == null) {
            throw MaxdnnException.badInput(where + ": qrouter printed no 'Final:' verdict; routing did not finish");
        }
        return n;
    }
}
