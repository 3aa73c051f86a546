package io.sectorsphere.udt.packet;

/** The acknowledgement of an ACK (control type 6): the ACK number travels in the additional-info word. */
public record Ack2Packet(int timestamp, int destinationSocketId, int ackNumber) implements UdtPacket {
}
