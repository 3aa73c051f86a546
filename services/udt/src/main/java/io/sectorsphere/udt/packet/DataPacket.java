package io.sectorsphere.udt.packet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A data packet: header plus raw payload bytes.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0|                 sequence number (31 bits)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |ff |o|             message number (29 bits)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     destination socket id                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        payload ...                            |
 * </pre>
 *
 * ff: message boundary (10 first, 01 last, 11 solo, 00 middle); o: deliver in order. The
 * payload is reference counted: whoever holds the packet releases it.
 */
public final class DataPacket extends DefaultByteBufHolder implements UdtPacket {

    public static final int MAX_MESSAGE_NUMBER = 0x1FFFFFFF;
    /** Boundary bits of a packet that is a whole message by itself, as UDT's STREAM mode never relies on. */
    public static final int SOLO = 0xC0000000;

    private final int sequence;
    private final int messageWord;
    private final int timestamp;
    private final int destinationSocketId;

    public DataPacket(int sequence, int messageWord, int timestamp, int destinationSocketId, ByteBuf payload) {
        super(payload);
        this.sequence = sequence;
        this.messageWord = messageWord;
        this.timestamp = timestamp;
        this.destinationSocketId = destinationSocketId;
    }

    public int sequence() {
        return sequence;
    }

    /** The second header word: boundary, order flag and message number. */
    public int messageWord() {
        return messageWord;
    }

    public int messageNumber() {
        return messageWord & MAX_MESSAGE_NUMBER;
    }

    @Override
    public int timestamp() {
        return timestamp;
    }

    @Override
    public int destinationSocketId() {
        return destinationSocketId;
    }

    public ByteBuf payload() {
        return content();
    }

    @Override
    public DataPacket replace(ByteBuf content) {
        return new DataPacket(sequence, messageWord, timestamp, destinationSocketId, content);
    }

    @Override
    public String toString() {
        return "DataPacket[seq=" + sequence + ", msg=" + messageNumber() + ", dest=" + destinationSocketId
                + ", bytes=" + (refCnt() > 0 ? content().readableBytes() : -1) + "]";
    }
}
