package io.sectorsphere.transfer.transport;

/**
 * What is known of a network path.
 *
 * @param rttMillis the round-trip time
 * @param lossRate  the fraction of packets lost, 0 when unknown or none
 */
public record PathQuality(double rttMillis, double lossRate) {

    public PathQuality {
        if (rttMillis < 0 || lossRate < 0 || lossRate > 1 || Double.isNaN(rttMillis) || Double.isNaN(lossRate)) {
            throw new IllegalArgumentException("rtt must be non-negative and loss within [0, 1]");
        }
    }
}
