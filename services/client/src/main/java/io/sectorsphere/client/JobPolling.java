package io.sectorsphere.client;

import java.time.Duration;

/**
 * How {@link SphereClient#waitFor} polls a job: the first pause, growing by half each poll up to
 * {@code maxInterval}, so that a short job is seen finishing soon and a long one costs few requests.
 *
 * @param firstInterval the pause after the first poll
 * @param maxInterval the longest pause between polls
 * @param outageTolerance how long the worker may fail to answer (connection refused, 5xx) before
 *     waiting gives up: a job outlives its coordinator, and a worker restarting comes back
 */
public record JobPolling(Duration firstInterval, Duration maxInterval, Duration outageTolerance) {

    public static final JobPolling DEFAULT =
            new JobPolling(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60));

    public JobPolling {
        if (firstInterval.isNegative() || firstInterval.isZero() || maxInterval.compareTo(firstInterval) < 0
                || outageTolerance.isNegative()) {
            throw new IllegalArgumentException("polling needs 0 < firstInterval <= maxInterval and a tolerance >= 0");
        }
    }

    /** The pause after {@code previous}. */
    Duration next(Duration previous) {
        Duration grown = previous.plus(previous.dividedBy(2));
        return grown.compareTo(maxInterval) > 0 ? maxInterval : grown;
    }
}
