package io.sectorsphere.sphere.worker.exec;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Watches one attempt in a processing element: kills the child when a unit has run longer than its
 * timeout or the attempt is cancelled, and remembers why.
 */
final class UnitWatch {

    private static final long CHECK_MILLIS = 100;

    private final long timeoutNanos;
    private final BooleanSupplier cancelled;
    private volatile long unitStartedAt = System.nanoTime();
    private volatile boolean stopped;
    private volatile String reason;

    UnitWatch(Duration timeout, BooleanSupplier cancelled) {
        this.timeoutNanos = timeout.toNanos();
        this.cancelled = cancelled;
    }

    void unitStarted() {
        unitStartedAt = System.nanoTime();
    }

    void stop() {
        stopped = true;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    void guard(Process process) {
        while (!stopped && process.isAlive()) {
            if (cancelled.getAsBoolean()) {
                reason = "the attempt was cancelled";
            } else if (System.nanoTime() - unitStartedAt > timeoutNanos) {
                reason = "a unit ran longer than its timeout of " + Duration.ofNanos(timeoutNanos).toSeconds() + " s";
            }
            if (reason != null) {
                process.destroyForcibly();
                return;
            }
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
