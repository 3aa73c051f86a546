package io.sectorsphere.udt.packet;

/**
 * An acknowledgement (control type 2); the additional-info word carries the ACK number that the
 * sender echoes in ACK2. Control information:
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0|  next expected sequence: every packet before it arrived     |  light ACK ends here
 * |                     RTT, µs                                   |
 * |                     RTT variance, µs                          |
 * |                     available receive buffer, packets         |  16-byte ACK ends here
 * |                     packet receiving rate, packets/s          |
 * |                     estimated link capacity, packets/s        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param words how many control-information words travel: 1 (light), 4 or 6 (full)
 */
public record AckPacket(
        int timestamp,
        int destinationSocketId,
        int ackNumber,
        int nextExpectedSequence,
        int rttMicros,
        int rttVarianceMicros,
        int availableBufferPackets,
        int receiveRate,
        int linkCapacity,
        int words) implements UdtPacket {

    public static final int LIGHT = 1;
    public static final int WITHOUT_RATES = 4;
    public static final int FULL = 6;

    public AckPacket {
        if (words != LIGHT && words != WITHOUT_RATES && words != FULL) {
            throw new IllegalArgumentException("an ACK carries 1, 4 or 6 words: " + words);
        }
    }

    public static AckPacket light(int timestamp, int destination, int nextExpected) {
        return new AckPacket(timestamp, destination, 0, nextExpected, 0, 0, 0, 0, 0, LIGHT);
    }

    public boolean isLight() {
        return words == LIGHT;
    }

    public boolean carriesRates() {
        return words == FULL;
    }
}
