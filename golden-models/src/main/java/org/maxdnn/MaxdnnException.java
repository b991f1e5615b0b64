package org.maxdnn;

/**
 * An error the user can act on. The CLI prints its message on one line and exits with its code
 * (SPEC §11: 1 usage, 2 bad input, 3 verification mismatch, 4 missing external tool).
 */
public class MaxdnnException extends RuntimeException {
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int MISMATCH = 3;
    public static final int MISSING_TOOL = 4;

    private final int exitCode;

    public MaxdnnException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public MaxdnnException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static MaxdnnException badInput(String message) {
        return new MaxdnnException(BAD_INPUT, message);
    }

    public static MaxdnnException badInput(String message, Throwable cause) {
        return new MaxdnnException(BAD_INPUT, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
