package io.sectorsphere.udt.engine;

/** A connection's smoothed round-trip time and its variance, as UDT 4.11 keeps them; on the event loop. */
final class RoundTripEstimate {

    // 4.11's start values: ten and five SYN intervals.
    private int rtt = 10 * UdtConnection.SYN_MICROS;
    private int variance = 5 * UdtConnection.SYN_MICROS;

    /** Folds in one measured round trip: an eighth of the new sample, a quarter of its deviation. */
    void sample(int micros) {
        variance = (variance * 3 + Math.abs(micros - rtt)) >> 2;
        rtt = (rtt * 7 + micros) >> 3;
    }

    int rttMicros() {
        return rtt;
    }

    int varianceMicros() {
        return variance;
    }

    /** RTT plus four variances: how long an answer may take before it counts as late. */
    long timeoutMicros() {
        return rtt + 4L * variance;
    }
}
