package io.sectorsphere.udt.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.2", 9000);
    private static final InetSocketAddress SELF = new InetSocketAddress("127.0.0.1", 9001);

    private final AtomicInteger malformed = new AtomicInteger();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new UdtPacketDecoder(malformed::incrementAndGet), new UdtPacketEncoder());

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void handshakeTravelsAsFortyEightBytesOfBigEndianWords() {
        HandshakePacket request = new HandshakePacket(77, 0, 4, 1, 123_456, 1500, 8192, 1, 0x1234, 0,
                new int[] {0x0100007F, 0, 0, 0});
        ByteBuf wire = encode(request);

        assertThat(wire.readableBytes()).isEqualTo(16 + 48);
        assertThat(wire.getInt(0)).isEqualTo(0x80000000);
        assertThat(wire.getInt(8)).isEqualTo(77);
        assertThat(wire.getInt(16)).isEqualTo(4);
        assertThat(wire.getInt(16 + 12)).isEqualTo(1500);
        assertThat(wire.getInt(16 + 20)).isEqualTo(1);
        assertThat(wire.getInt(16 + 24)).isEqualTo(0x1234);
        // 127.0.0.1 as x86 libudt writes it: the address bytes reversed within the word.
        assertThat(wire.getByte(16 + 32)).isEqualTo((byte) 1);
        assertThat(decode(wire)).isEqualTo(request);
    }

    @Test
    void dataPacketKeepsHeaderFieldsAndPayload() {
        DataPacket data = new DataPacket(0x7FFFFFFF, DataPacket.SOLO | 5, 1000, 42,
                Unpooled.copiedBuffer("payload", StandardCharsets.US_ASCII));
        ByteBuf wire = encode(data);
        assertThat(data.refCnt()).as("the encoder releases what it wrote").isZero();
        assertThat(wire.getInt(0)).isEqualTo(0x7FFFFFFF);
        assertThat(wire.getInt(4)).isEqualTo(0xC0000005);

        DataPacket decoded = (DataPacket) decode(wire);
        ByteBuf payload = decoded.payload();
        try {
            assertThat(decoded.sequence()).isEqualTo(0x7FFFFFFF);
            assertThat(decoded.messageNumber()).isEqualTo(5);
            assertThat(decoded.timestamp()).isEqualTo(1000);
            assertThat(decoded.destinationSocketId()).isEqualTo(42);
            assertThat(payload.toString(StandardCharsets.US_ASCII)).isEqualTo("payload");
            assertThat(wire.refCnt()).as("the payload slice holds the datagram").isOne();
        } finally {
            decoded.release();
        }
        assertThat(wire.refCnt()).as("released with the packet").isZero();
    }

    @Test
    void acksOfEveryLengthRoundTrip() {
        AckPacket full = new AckPacket(1, 2, 3, 4, 5, 6, 7, 8, 9, AckPacket.FULL);
        AckPacket withoutRates = new AckPacket(1, 2, 3, 4, 5, 6, 7, 0, 0, AckPacket.WITHOUT_RATES);
        AckPacket light = AckPacket.light(1, 2, 4);

        assertThat(encode(full).readableBytes()).isEqualTo(16 + 24);
        assertThat(decode(encode(full))).isEqualTo(full);
        assertThat(decode(encode(withoutRates))).isEqualTo(withoutRates);
        assertThat(encode(light).readableBytes()).isEqualTo(16 + 4);
        assertThat(decode(encode(light))).isEqualTo(light);
    }

    @Test
    void controlPacketsWithoutInformationCarryAFourBytePad() {
        SignalPacket keepAlive = new SignalPacket(ControlType.KEEP_ALIVE, 9, 10, 0);
        Ack2Packet ack2 = new Ack2Packet(9, 10, 11);
        ByteBuf keepAliveWire = encode(keepAlive);

        assertThat(keepAliveWire.readableBytes()).isEqualTo(20);
        assertThat(keepAliveWire.getInt(0)).isEqualTo(0x80010000);
        assertThat(decode(keepAliveWire)).isEqualTo(keepAlive);
        ByteBuf ack2Wire = encode(ack2);
        assertThat(ack2Wire.getInt(0)).isEqualTo(0x80060000);
        assertThat(ack2Wire.getInt(4)).isEqualTo(11);
        assertThat(decode(ack2Wire)).isEqualTo(ack2);
        assertThat(decode(encode(new SignalPacket(ControlType.SHUTDOWN, 1, 2, 0))))
                .isEqualTo(new SignalPacket(ControlType.SHUTDOWN, 1, 2, 0));
        assertThat(decode(encode(new MessageDropPacket(1, 2, 3, 4, 5)))).isEqualTo(new MessageDropPacket(1, 2, 3, 4, 5));
    }

    @Test
    void nakKeepsItsCompressedLossList() {
        NakPacket nak = new NakPacket(1, 2, new int[] {10 | NakPacket.RANGE_START, 20, 25});
        assertThat(decode(encode(nak))).isEqualTo(nak);
    }

    @Test
    void truncatedAndUnknownDatagramsAreCountedAndDropped() {
        ByteBuf shortHeader = Unpooled.buffer().writeInt(0x80000000).writeInt(0);
        ByteBuf shortHandshake = Unpooled.buffer().writeInt(0x80000000).writeInt(0).writeInt(0).writeInt(0).writeInt(4);
        ByteBuf unknownType = Unpooled.buffer().writeInt(0x80000000 | (0x7FFF << 16)).writeInt(0).writeInt(0).writeInt(0);
        ByteBuf danglingRange = Unpooled.buffer().writeInt(0x80030000).writeInt(0).writeInt(0).writeInt(0)
                .writeInt(5 | NakPacket.RANGE_START);
        ByteBuf emptyData = Unpooled.buffer().writeInt(1).writeInt(0).writeInt(0).writeInt(0);

        for (ByteBuf bad : new ByteBuf[] {shortHeader, shortHandshake, unknownType, danglingRange, emptyData}) {
            assertThat(channel.writeInbound(new DatagramPacket(bad, SELF, PEER))).isFalse();
            assertThat(bad.refCnt()).isZero();
        }
        assertThat(malformed).hasValue(5);
    }

    @Test
    void decodedPacketsNameTheirSender() {
        ByteBuf wire = UdtPacketEncoder.encode(Unpooled.buffer().alloc(), new Ack2Packet(1, 2, 3));
        channel.writeInbound(new DatagramPacket(wire, SELF, PEER));
        AddressedEnvelope<?, ?> envelope = channel.readInbound();
        assertThat(envelope.sender()).isEqualTo(PEER);
    }

    private ByteBuf encode(UdtPacket packet) {
        assertThat(channel.writeOutbound(new DefaultAddressedEnvelope<>(packet, PEER))).isTrue();
        DatagramPacket datagram = channel.readOutbound();
        assertThat(datagram.recipient()).isEqualTo(PEER);
        return datagram.content();
    }

    private UdtPacket decode(ByteBuf wire) {
        assertThat(channel.writeInbound(new DatagramPacket(wire, SELF, PEER))).isTrue();
        AddressedEnvelope<?, ?> envelope = channel.readInbound();
        assertThat(wire.refCnt()).isLessThanOrEqualTo(1);
        return (UdtPacket) envelope.content();
    }
}
