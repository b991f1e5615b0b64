package org.maxdnn.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Post-route static timing as qflow's {@code vesta} reports it (run with {@code --period}, on the
 * routed netlist with the extracted wire delays). Vesta lists the worst paths of each kind, worst
 * first: register-to-register and register-to-output paths ("Path INST/CLK to ... delay D ps
 * Slack = S ps"), then input-to-register paths ("Path input pin ..."), which have no slack since
 * inputs carry no input delay. A path's delay already includes the setup time and clock skew at its
 * end, so the maximum clock is 1 / (worst register path delay), vesta's own "maximum clock
 * frequency (zero margin)".
 *
 * @param clockPeriodPs the period timing was checked against
 * @param registerPaths register paths vesta listed
 * @param maxDelayPs worst register path delay
 * @param worstSlackPs smallest slack at the period
 * @param meetsSetup vesta's verdict on the period
 * @param meetsHold vesta's hold verdict
 */
public record StaticTiming(double clockPeriodPs, int registerPaths, double maxDelayPs, double worstSlackPs,
                           boolean meetsSetup, boolean meetsHold) {
    private static final Pattern PATH = Pattern.compile(
            "^Path (.+?) to (.+?) delay ([-+0-9.eE]+) ps(?:\\s+Slack = ([-+0-9.eE]+) ps)?\\s*$");
    private static final Pattern TOP = Pattern.compile("^Top \\d+ (maximum|minimum) delay paths:");

    /** The highest clock at which every register path meets setup, MHz. */
    public double maxClockMhz() {
        return 1e6 / maxDelayPs;
    }

    /** Parses vesta's output ({@code log/post_sta.log}); {@code where} names it in errors. */
    public static StaticTiming parseVesta(String log, double clockPeriodPs, String where) {
        boolean maximum = false;
        int paths = 0;
        double maxDelay = Double.NEGATIVE_INFINITY;
        double slack = Double.POSITIVE_INFINITY;
        Boolean setup = null;
        Boolean hold = null;
        for (String raw : log.split("\n")) {
            String line = raw.strip();
            Matcher top = TOP.matcher(line);
            if (top.find()) {
                maximum = top.group(1).equals("maximum");
                continue;
            }
            if (line.contains("Design meets timing requirements")) {
                setup = true;
            } else if (line.contains("Design fails timing requirements")) {
                setup = false;
            } else if (line.contains("Design meets minimum hold timing")) {
                hold = true;
            } else if (line.contains("Design fails minimum hold timing")) {
                hold = false;
            }
            Matcher p = PATH.matcher(line);
            if (!maximum || !p.matches() || p.group(1).startsWith("input pin")) {
                continue;
            }
            paths++;
            maxDelay = Math.max(maxDelay, Double.parseDouble(p.group(3)));
            if (p.group(4) != null) {
                slack = Math.min(slack, Double.parseDouble(p.group(4)));
            }
        }
        if (paths == 0) {
            throw MaxdnnException.badInput(where + ": vesta reported no register paths (no 'Path ... delay ... ps' "
                    + "line under 'Top N maximum delay paths:')");
        }
        if (setup == null || hold == null) {
            throw MaxdnnException.badInput(where + ": vesta's setup or hold verdict is missing (was it run with --period?)");
        }
        if (slack == Double.POSITIVE_INFINITY) {
            slack = clockPeriodPs - maxDelay;
        }
        return new StaticTiming(clockPeriodPs, paths, maxDelay, slack, setup, hold);
    }
}
