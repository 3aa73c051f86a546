package io.sectorsphere.udt.cc;

/**
 * Whether the sender used the rate its controller allowed: packets sent against the pacing
 * allowance over an interval. A sender held back by the application (a slow disk), the peer's
 * flow window or its congestion window sends less than its rate allows; what the peer measures
 * then shows that limit, not the path, and a window grown then was never tried (RFC 7661).
 */
final class SendLimitMeter {

    /** Less than this share of the allowance sent means something other than pacing held us back. */
    private static final double USED_FRACTION = 0.8;

    private long lastAccrualMicros = -1;
    private double allowed;
    private int sent;
    private boolean lastIntervalLimited;

    void onSent() {
        sent++;
    }

    /** Adds what pacing at {@code periodMicros} allowed since the previous call. */
    void accrue(long nowMicros, double periodMicros) {
        if (lastAccrualMicros >= 0 && nowMicros > lastAccrualMicros) {
            allowed += (nowMicros - lastAccrualMicros) * PacketPairPacing.ratePerSecond(periodMicros) / 1e6;
        }
        lastAccrualMicros = nowMicros;
    }

    /** Closes an interval and judges it. */
    void endInterval() {
        lastIntervalLimited = sent < USED_FRACTION * allowed;
        sent = 0;
        allowed = 0;
    }

    boolean lastIntervalLimited() {
        return lastIntervalLimited;
    }

    /** Whether the interval under way, up to the last accrual, used less than its allowance. */
    boolean currentIntervalLimited() {
        return sent < USED_FRACTION * allowed;
    }
}
