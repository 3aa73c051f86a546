package io.sectorsphere.udt.cc;

/**
 * A sender-side congestion controller, UDT's CCC as an interface. The engine calls the event
 * methods on its event loop (never concurrently) and paces data packets by
 * {@link #packetSendPeriodMicros()} while keeping at most {@link #congestionWindowPackets()}
 * packets unacknowledged (also bounded by the peer's flow window).
 */
public interface CongestionControl {

    /** The name a transfer selects this controller by ({@code native}, {@code fair}, {@code dedicated}). */
    String name();

    /** Called once when the connection is established, before any data is sent. */
    void init(CongestionContext context);

    /** A full or light ACK acknowledged every packet before {@code ackSequence}. */
    void onAck(int ackSequence);

    /**
     * A NAK reported losses. {@code lossList} is the decoded list as UDT carries it: a value with
     * the top bit set starts a range whose end follows; other values are single packets.
     */
    void onLoss(int[] lossList);

    /** The retransmission (EXP) timer fired with data outstanding. */
    void onTimeout();

    /** A data packet left; {@code retransmission} when it was sent before. */
    default void onPacketSent(int sequence, boolean retransmission) {
    }

    /** Microseconds between two data packets. */
    double packetSendPeriodMicros();

    /** Packets that may be in flight. */
    double congestionWindowPackets();
}
