package io.sectorsphere.udt.packet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Turns datagrams into {@link UdtPacket}s addressed by their sender. Never throws to the
 * pipeline: a datagram that is truncated, of an unknown type, or with inconsistent control
 * information is counted through {@code onMalformed} and dropped. A data packet's payload is the
 * datagram's own buffer, retained and read from past the header (no slice object per packet on
 * the hot path), released by whoever consumes the packet.
 */
public final class UdtPacketDecoder extends MessageToMessageDecoder<DatagramPacket> {

    private static final int CONTROL_FLAG = 0x80000000;

    private final Runnable onMalformed;

    public UdtPacketDecoder(Runnable onMalformed) {
        super(DatagramPacket.class);
        this.onMalformed = onMalformed;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket datagram, List<Object> out) {
        UdtPacket packet = decode(datagram.content(), true);
        if (packet == null) {
            onMalformed.run();
            return;
        }
        out.add(new DefaultAddressedEnvelope<UdtPacket, InetSocketAddress>(packet, datagram.recipient(), datagram.sender()));
    }

    /**
     * The packet in {@code buf} (left unchanged; a data packet's payload is a retained slice), or
     * {@code null} when it is malformed.
     */
    static UdtPacket decode(ByteBuf buf) {
        return decode(buf, false);
    }

    /** With {@code takeBuffer}, a data packet's payload is {@code buf} itself, retained, its reader index past the header. */
    private static UdtPacket decode(ByteBuf buf, boolean takeBuffer) {
        int length = buf.readableBytes();
        if (length < UdtPacket.HEADER_SIZE) {
            return null;
        }
        int base = buf.readerIndex();
        int first = buf.getInt(base);
        int second = buf.getInt(base + 4);
        int timestamp = buf.getInt(base + 8);
        int destination = buf.getInt(base + 12);
        int infoOffset = base + UdtPacket.HEADER_SIZE;
        int infoLength = length - UdtPacket.HEADER_SIZE;
        if ((first & CONTROL_FLAG) == 0) {
            if (infoLength == 0) {
                return null;
            }
            ByteBuf payload = takeBuffer ? buf.retain().readerIndex(infoOffset) : buf.retainedSlice(infoOffset, infoLength);
            return new DataPacket(first, second, timestamp, destination, payload);
        }
        ControlType type = ControlType.ofCode((first >>> 16) & 0x7FFF);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case HANDSHAKE -> handshake(buf, infoOffset, infoLength, timestamp, destination);
            case ACK -> ack(buf, infoOffset, infoLength, second, timestamp, destination);
            case NAK -> nak(buf, infoOffset, infoLength, timestamp, destination);
            case ACK2 -> new Ack2Packet(timestamp, destination, second);
            case MESSAGE_DROP -> infoLength < 8 ? null
                    : new MessageDropPacket(timestamp, destination, second, buf.getInt(infoOffset), buf.getInt(infoOffset + 4));
            case KEEP_ALIVE, CONGESTION_WARNING, SHUTDOWN, ERROR_SIGNAL ->
                    new SignalPacket(type, timestamp, destination, second);
        };
    }

    private static HandshakePacket handshake(ByteBuf buf, int at, int length, int timestamp, int destination) {
        if (length < HandshakePacket.CONTROL_INFO_SIZE) {
            return null;
        }
        int[] address = {buf.getInt(at + 32), buf.getInt(at + 36), buf.getInt(at + 40), buf.getInt(at + 44)};
        return new HandshakePacket(timestamp, destination, buf.getInt(at), buf.getInt(at + 4), buf.getInt(at + 8),
                buf.getInt(at + 12), buf.getInt(at + 16), buf.getInt(at + 20), buf.getInt(at + 24),
                buf.getInt(at + 28), address);
    }

    private static AckPacket ack(ByteBuf buf, int at, int length, int ackNumber, int timestamp, int destination) {
        if (length < 4) {
            return null;
        }
        int next = buf.getInt(at);
        if (next < 0) {
            return null;
        }
        if (length < 16) {
            return AckPacket.light(timestamp, destination, next);
        }
        int rtt = buf.getInt(at + 4);
        int variance = buf.getInt(at + 8);
        int available = buf.getInt(at + 12);
        if (length < 24) {
            return new AckPacket(timestamp, destination, ackNumber, next, rtt, variance, available, 0, 0,
                    AckPacket.WITHOUT_RATES);
        }
        return new AckPacket(timestamp, destination, ackNumber, next, rtt, variance, available,
                buf.getInt(at + 16), buf.getInt(at + 20), AckPacket.FULL);
    }

    private static NakPacket nak(ByteBuf buf, int at, int length, int timestamp, int destination) {
        if (length < 4 || length % 4 != 0) {
            return null;
        }
        int[] words = new int[length / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = buf.getInt(at + 4 * i);
        }
        for (int i = 0; i < words.length; i++) {
            if ((words[i] & NakPacket.RANGE_START) != 0) {
                // A range start must be followed by a plain end word.
                if (i + 1 >= words.length || (words[i + 1] & NakPacket.RANGE_START) != 0) {
                    return null;
                }
                i++;
            }
        }
        return new NakPacket(timestamp, destination, words);
    }
}
