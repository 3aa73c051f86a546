package io.sectorsphere.wan;

import java.time.Duration;

/**
 * What the emulated link does to every packet, the same in both directions.
 *
 * @param rateBitsPerSecond serialisation rate cap counted on IP bytes; 0 for none
 * @param oneWayDelay       propagation delay added to each packet, so the round trip gains twice this
 * @param lossRate          probability in [0, 1) that a packet is dropped, independently per packet
 * @param queueBytes        bytes that may wait for the rate cap before arriving packets are dropped
 */
public record LinkProfile(long rateBitsPerSecond, Duration oneWayDelay, double lossRate, long queueBytes) {

    /** Queue for paths whose bandwidth-delay product is tiny: still room for a few bursts. */
    private static final long MINIMUM_QUEUE_BYTES = 128 * 1024;

    public LinkProfile {
        if (rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative: " + rateBitsPerSecond);
        }
        if (oneWayDelay == null || oneWayDelay.isNegative()) {
            throw new IllegalArgumentException("one-way delay must be zero or positive: " + oneWayDelay);
        }
        if (!(lossRate >= 0 && lossRate < 1)) {
            throw new IllegalArgumentException("loss rate must be in [0, 1): " + lossRate);
        }
        if (queueBytes <= 0) {
            throw new IllegalArgumentException("queue must hold at least one byte: " + queueBytes);
        }
    }

    /**
     * A link with the given rate, round-trip time and loss, whose queue holds one bandwidth-delay
     * product — the classic buffer size, so one TCP flow can keep the link busy.
     */
    public static LinkProfile of(long rateBitsPerSecond, Duration roundTripTime, double lossRate) {
        long bdp = (long) (rateBitsPerSecond / 8.0 * roundTripTime.toNanos() / 1e9);
        return new LinkProfile(rateBitsPerSecond, roundTripTime.dividedBy(2), lossRate, Math.max(bdp, MINIMUM_QUEUE_BYTES));
    }

    public Duration roundTripTime() {
        return oneWayDelay.multipliedBy(2);
    }
}
