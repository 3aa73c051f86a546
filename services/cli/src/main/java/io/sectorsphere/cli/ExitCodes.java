package io.sectorsphere.cli;

/**
 * The exit codes of {@code sector}, one per kind of failure so that scripts can tell them apart.
 * Ctrl-C and SIGTERM end a foreground command with the shell's usual 130 and 143.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** An unexpected internal error; the message names the exception. */
    public static final int SOFTWARE = 1;
    /** Bad options or arguments (picocli's usage code). */
    public static final int USAGE = 2;
    /** A port the cluster needs is taken, usually by another local cluster. */
    public static final int ADDRESS_IN_USE = 3;
    /** An address the cluster needs cannot be bound on this machine. */
    public static final int ADDRESS_UNAVAILABLE = 4;
    /** The nodes started but did not form a ring in time. */
    public static final int NOT_READY = 5;
    /** A node failed to start for another reason. */
    public static final int START_FAILED = 6;

    private ExitCodes() {
    }
}
