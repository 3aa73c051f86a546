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
 * big-endian as UDT 4.11 sends them. A {@link DataPacketBatch} becomes segmented datagrams
 * (UDP GSO: equal-sized packets in one buffer that the kernel cuts) where the transport offers
 * them, single datagrams otherwise; the wire sees the same packets either way. Envelopes
 * carrying anything else pass through untouched.
 */
@ChannelHandler.Sharable
public final class UdtPacketEncoder extends MessageToMessageEncoder<AddressedEnvelope<?, ?>> {

    private static final int CONTROL_FLAG = 0x80000000;
    /** The kernel's bounds on one segmented send: 64 segments and one IP datagram's payload. */
    private static final int MAX_SEGMENTS = 64;
    private static final int MAX_SEGMENTED_BYTES = 65_507;

    /** Builds a datagram the kernel splits into {@code segmentSize}-byte datagrams. */
    @FunctionalInterface
    public interface SegmentedDatagrams {
        DatagramPacket create(ByteBuf data, int segmentSize, InetSocketAddress recipient);
    }

    private final SegmentedDatagrams segmented;

    /** An encoder sending one datagram per packet. */
    public UdtPacketEncoder() {
        this(null);
    }

    /** An encoder that sends batches through {@code segmented}, or one by one when it is {@code null}. */
    public UdtPacketEncoder(SegmentedDatagrams segmented) {
        this.segmented = segmented;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof AddressedEnvelope<?, ?> envelope
                && (envelope.content() instanceof UdtPacket || envelope.content() instanceof DataPacketBatch)
                && envelope.recipient() instanceof InetSocketAddress;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AddressedEnvelope<?, ?> envelope, List<Object> out) {
        InetSocketAddress recipient = (InetSocketAddress) envelope.recipient();
        if (envelope.content() instanceof DataPacketBatch batch) {
            encodeBatch(ctx.alloc(), batch.packets(), recipient, out);
            return;
        }
        out.add(new DatagramPacket(encode(ctx.alloc(), (UdtPacket) envelope.content()), recipient));
    }

    private void encodeBatch(ByteBufAllocator alloc, List<DataPacket> packets, InetSocketAddress recipient,
                             List<Object> out) {
        int i = 0;
        while (i < packets.size()) {
            int segmentSize = UdtPacket.HEADER_SIZE + packets.get(i).payload().readableBytes();
            int limit = Math.min(MAX_SEGMENTS, MAX_SEGMENTED_BYTES / segmentSize);
            // A run of equal-sized packets; the last of a run may be shorter, as GSO allows.
            int end = i + 1;
            while (segmented != null && end < packets.size() && end - i < limit) {
                int size = UdtPacket.HEADER_SIZE + packets.get(end).payload().readableBytes();
                if (size > segmentSize) {
                    break;
                }
                end++;
                if (size < segmentSize) {
                    break;
                }
            }
            if (end - i == 1) {
                out.add(new DatagramPacket(encode(alloc, packets.get(i)), recipient));
            } else {
                int total = 0;
                for (int j = i; j < end; j++) {
                    total += UdtPacket.HEADER_SIZE + packets.get(j).payload().readableBytes();
                }
                ByteBuf buf = alloc.directBuffer(total);
                for (int j = i; j < end; j++) {
                    writeData(buf, packets.get(j));
                }
                out.add(segmented.create(buf, segmentSize, recipient));
            }
            i = end;
        }
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
