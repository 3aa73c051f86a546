package io.sectorsphere.udt.cc;

/**
 * HyStart++'s signal (RFC 9406) for ending slow start before it overflows the queue: the round
 * trip rose above its minimum by an eighth of it, at least 4 ms and at most 16 ms.
 *
 * <p>Unlike RFC 9406, which compares the minimum of each round with the previous round's, this
 * compares the last {@link #SAMPLES} samples with the minimum of all: full ACKs (one sample each)
 * come only every 10 to 20 ms, and a round of a long path doubles the window, so waiting for the
 * next round to start would let slow start overshoot a one-BDP queue. Asking all of the last
 * samples to show the rise keeps one late ACK on a busy host from being taken for a queue.
 */
final class DelayIncreaseDetector {

    static final int SAMPLES = 4;
    private static final long MIN_THRESHOLD_MICROS = 4_000;
    private static final long MAX_THRESHOLD_MICROS = 16_000;

    private final long[] recent = new long[SAMPLES];
    private int taken;
    private long minimumMicros = Long.MAX_VALUE;

    /** Takes one round-trip sample; true when the last samples all show a growing queue. */
    boolean onSample(long rttMicros) {
        recent[taken++ % SAMPLES] = rttMicros;
        minimumMicros = Math.min(minimumMicros, rttMicros);
        if (taken < SAMPLES) {
            return false;
        }
        long threshold = Math.clamp(minimumMicros / 8, MIN_THRESHOLD_MICROS, MAX_THRESHOLD_MICROS);
        for (long sample : recent) {
            if (sample < minimumMicros + threshold) {
                return false;
            }
        }
        return true;
    }
}
