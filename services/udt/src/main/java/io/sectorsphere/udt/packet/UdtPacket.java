package io.sectorsphere.udt.packet;

/**
 * One UDT packet. Every packet starts with a 16-byte header of four big-endian words; the last
 * two are shared by data and control packets:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |F|        (data: sequence number / control: type, reserved)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        (data: boundary, order, message / control: info)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 timestamp, µs since sender start              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 destination socket id (0: listener)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * F is 0 for data and 1 for control packets.
 */
public sealed interface UdtPacket
        permits DataPacket, HandshakePacket, AckPacket, Ack2Packet, NakPacket, MessageDropPacket, SignalPacket {

    int HEADER_SIZE = 16;

    /** Microseconds since the sending socket started, as the sender's clock counts them. */
    int timestamp();

    /** The receiving socket's id; 0 addresses the listener. */
    int destinationSocketId();
}
