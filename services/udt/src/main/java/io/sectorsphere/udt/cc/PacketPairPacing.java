package io.sectorsphere.udt.cc;

/**
 * Turns a target rate into UDT's packet send period. UDT sends every 16th packet at once after
 * the previous one, as a packet pair for the receiver's capacity estimate, so 17 packets leave
 * per 16 periods (UDT 4.11 and our engine alike). A controller that wants exactly a rate, such as
 * one pacing at the path's capacity, must stretch the period by 17/16 or build a queue of 6 %.
 */
final class PacketPairPacing {

    private static final double PACKETS_PER_PERIODS = 17.0 / 16.0;

    private PacketPairPacing() {
    }

    static double periodMicros(double packetsPerSecond) {
        return PACKETS_PER_PERIODS * 1e6 / packetsPerSecond;
    }

    /** The rate a period gives, the inverse of {@link #periodMicros}. */
    static double ratePerSecond(double periodMicros) {
        return PACKETS_PER_PERIODS * 1e6 / periodMicros;
    }
}
