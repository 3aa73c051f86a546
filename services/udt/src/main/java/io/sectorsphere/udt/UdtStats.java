package io.sectorsphere.udt;

/**
 * A snapshot of one connection's performance, mirroring UDT's {@code perfmon} totals and
 * instantaneous values.
 *
 * @param elapsedMillis          time since the connection was established
 * @param packetsSent            data packets sent, retransmissions included
 * @param packetsReceived        data packets received, duplicates included
 * @param packetsSendLoss        packets the peer reported lost
 * @param packetsReceiveLoss     packets this side found missing
 * @param packetsRetransmitted   data packets sent again
 * @param acksSent               ACKs sent
 * @param acksReceived           ACKs received
 * @param naksSent               NAKs sent
 * @param naksReceived           NAKs received
 * @param packetsDropped         invalid or unexpected packets dropped (malformed, forged, out of window)
 * @param bytesSent              payload bytes sent, first transmissions only
 * @param bytesReceived          payload bytes delivered in order
 * @param sendRateMbps           payload send rate over the last interval, megabits per second
 * @param receiveRateMbps        payload receive rate over the last interval
 * @param rttMillis              smoothed round-trip time
 * @param bandwidthMbps          the link capacity estimated by packet pairs
 * @param flowWindowPackets      the peer's flow window
 * @param congestionWindowPackets the congestion controller's window
 * @param packetsInFlight        sent and not yet acknowledged
 * @param sendPeriodMicros       the time between two data packets
 */
public record UdtStats(
        long elapsedMillis,
        long packetsSent,
        long packetsReceived,
        long packetsSendLoss,
        long packetsReceiveLoss,
        long packetsRetransmitted,
        long acksSent,
        long acksReceived,
        long naksSent,
        long naksReceived,
        long packetsDropped,
        long bytesSent,
        long bytesReceived,
        double sendRateMbps,
        double receiveRateMbps,
        double rttMillis,
        double bandwidthMbps,
        int flowWindowPackets,
        double congestionWindowPackets,
        int packetsInFlight,
        double sendPeriodMicros) {
}
