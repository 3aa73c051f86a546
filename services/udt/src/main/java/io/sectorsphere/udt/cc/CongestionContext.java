package io.sectorsphere.udt.cc;

/**
 * What a congestion controller may read of its connection. All values are the engine's current
 * estimates; rates are in packets per second as UDT's ACKs carry them.
 */
public interface CongestionContext {

    /** Maximum segment size in bytes, IP and UDP headers included (UDT's MSS). */
    int mss();

    /** The peer's flow window in packets: the congestion window never needs to exceed it. */
    int maxCongestionWindow();

    /** The sequence number of the last data packet sent (UDT's {@code m_iSndCurrSeqNo}). */
    int sendCurrentSequence();

    /** Smoothed round-trip time in microseconds. */
    int rttMicros();

    /** Round-trip time variance in microseconds. */
    int rttVarianceMicros();

    /** The receiving rate the peer measured, packets per second (0 before the first full ACK). */
    int receiveRate();

    /** The link capacity the peer estimated by packet pairs, packets per second (0 before known). */
    int bandwidth();

    /** The engine's clock, microseconds. */
    long nowMicros();

    /** The interval between full ACKs and rate-control decisions, microseconds (UDT's SYN, 10 ms). */
    default int synIntervalMicros() {
        return 10_000;
    }
}
