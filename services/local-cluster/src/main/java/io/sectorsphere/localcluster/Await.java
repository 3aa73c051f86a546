package io.sectorsphere.localcluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes. Waiting on a condition rather than for a
 * fixed time keeps tests fast when the machine is idle and correct when it is loaded.
 */
public final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; an exception thrown by the condition counts as "not
     * yet" (a node that is still starting refuses connections).
     *
     * @param state what to report about the system when the wait times out
     * @throws ConditionTimeoutException with {@code description} and {@code state} after {@code timeout}
     */
    public static void until(String description, BooleanSupplier condition, Duration timeout, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String reason = lastFailure == null ? "" : " (last check failed: " + lastFailure + ")";
                throw new ConditionTimeoutException("timed out after " + timeout.toMillis() + " ms waiting until "
                        + description + reason + "\n" + state.get(), lastFailure);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** A condition did not hold in time; the message carries a dump of the cluster's state. */
    public static final class ConditionTimeoutException extends RuntimeException {
        ConditionTimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
