package io.sectorsphere.udt.packet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Writes {@link UdtPacket}s addressed to a peer as datagrams, every header and control word
 * big-endian as UDT 4.11 sends them. Envelopes carrying anything else (a sender's data packets,
 * already in wire form) pass through untouched.
 */
@ChannelHandler.Sharable
public final class UdtPacketEncoder extends MessageToMessageEncoder<AddressedEnvelope<?, ?>> {

    private static final int CONTROL_FLAG = 0x80000000;

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof AddressedEnvelope<?, ?> envelope && envelope.content() instanceof UdtPacket
                && envelope.recipient() instanceof InetSocketAddress;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AddressedEnvelope<?, ?> envelope, List<Object> out) {
        out.add(new DatagramPacket(encode(ctx.alloc(), (UdtPacket) envelope.content()), (InetSocketAddress) envelope.recipient()));
    }

    /**
     * Writes a data packet's header at {@code index} of {@code buf}, in front of a payload
     * already there: how a sender stamps packets in place in its send buffer.
     */
    public static void setDataHeader(ByteBuf buf, int index, int sequence, int messageWord, int timestamp,
                                     int destination) {
        buf.setInt(index, sequence).setInt(index + 4, messageWord).setInt(index + 8, timestamp)
                .setInt(index + 12, destination);
    }

    private static void writeData(ByteBuf buf, DataPacket data) {
        ByteBuf payload = data.payload();
        header(buf, data.sequence(), data.messageWord(), data.timestamp(), data.destinationSocketId());
        buf.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
    }

    /** A new buffer holding the packet's wire form; the packet's own payload is left to its holder. */
    public static ByteBuf encode(ByteBufAllocator alloc, UdtPacket packet) {
        return switch (packet) {
            case DataPacket data -> {
                ByteBuf buf = alloc.directBuffer(UdtPacket.HEADER_SIZE + data.payload().readableBytes());
                writeData(buf, data);
                yield buf;
            }
            case HandshakePacket hs -> {
                ByteBuf buf = control(alloc, ControlType.HANDSHAKE, 0, hs, HandshakePacket.CONTROL_INFO_SIZE);
                buf.writeInt(hs.version()).writeInt(hs.socketType()).writeInt(hs.initialSequence())
                        .writeInt(hs.mss()).writeInt(hs.flowWindow()).writeInt(hs.requestType())
                        .writeInt(hs.socketId()).writeInt(hs.cookie());
                for (int word : hs.peerAddressWords()) {
                    buf.writeInt(word);
                }
                yield buf;
            }
            case AckPacket ack -> {
                ByteBuf buf = control(alloc, ControlType.ACK, ack.ackNumber(), ack, 4 * ack.words());
                buf.writeInt(ack.nextExpectedSequence());
                if (!ack.isLight()) {
                    buf.writeInt(ack.rttMicros()).writeInt(ack.rttVarianceMicros()).writeInt(ack.availableBufferPackets());
                    if (ack.carriesRates()) {
                        buf.writeInt(ack.receiveRate()).writeInt(ack.linkCapacity());
                    }
                }
                yield buf;
            }
            case NakPacket nak -> {
                ByteBuf buf = control(alloc, ControlType.NAK, 0, nak, 4 * nak.words());
                for (int i = 0; i < nak.words(); i++) {
                    buf.writeInt(nak.word(i));
                }
                yield buf;
            }
            case Ack2Packet ack2 -> control(alloc, ControlType.ACK2, ack2.ackNumber(), ack2, 4).writeInt(0);
            case MessageDropPacket drop -> control(alloc, ControlType.MESSAGE_DROP, drop.messageNumber(), drop, 8)
                    .writeInt(drop.firstSequence()).writeInt(drop.lastSequence());
            case SignalPacket signal -> control(alloc, signal.type(), signal.additionalInfo(), signal, 4).writeInt(0);
        };
    }

    private static ByteBuf control(ByteBufAllocator alloc, ControlType type, int info, UdtPacket packet, int infoSize) {
        ByteBuf buf = alloc.directBuffer(UdtPacket.HEADER_SIZE + infoSize);
        header(buf, CONTROL_FLAG | (type.code() << 16), info, packet.timestamp(), packet.destinationSocketId());
        return buf;
    }

    private static void header(ByteBuf buf, int first, int second, int timestamp, int destination) {
        buf.writeInt(first).writeInt(second).writeInt(timestamp).writeInt(destination);
    }
}
