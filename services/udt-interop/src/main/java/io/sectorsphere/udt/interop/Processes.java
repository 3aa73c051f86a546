package io.sectorsphere.udt.interop;

import java.util.concurrent.TimeUnit;

/** Ending the peer processes this package started. */
final class Processes {

    private Processes() {
    }

    /** Kills {@code process} if it still runs and waits briefly for it to be gone. */
    static void end(Process process) {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
