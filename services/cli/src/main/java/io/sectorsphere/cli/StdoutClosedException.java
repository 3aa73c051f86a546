package io.sectorsphere.cli;

import java.io.IOException;

/**
 * The reader of standard output went away, as {@code sector get name - | head} does on purpose. A
 * C program would die of SIGPIPE without a word; the JVM ignores the signal and sees EPIPE instead,
 * which ends the command the same way: silently, with the shell's code for SIGPIPE.
 */
final class StdoutClosedException extends IOException {

    StdoutClosedException(IOException cause) {
        super("standard output closed", cause);
    }

    /** Only EPIPE: any other failure to write, such as a full disk behind a redirection, is an error worth a line. */
    static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }
}
