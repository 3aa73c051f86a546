package io.sectorsphere.udt.packet;

/**
 * A message drop request (control type 7): the message number in the additional-info word, then
 * two words, the first and last sequence numbers of the dropped message.
 */
public record MessageDropPacket(int timestamp, int destinationSocketId, int messageNumber,
                                int firstSequence, int lastSequence) implements UdtPacket {
}
