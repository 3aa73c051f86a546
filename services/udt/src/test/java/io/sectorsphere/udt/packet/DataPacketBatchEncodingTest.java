package io.sectorsphere.udt.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPacketBatchEncodingTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.2", 9000);

    private final List<Integer> segmentSizes = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new UdtPacketEncoder((data, size, recipient) -> {
        segmentSizes.add(size);
        return new DatagramPacket(data, recipient);
    }));

    @Test
    void equalPacketsGoOutAsOneSegmentedDatagramEndingWithAShorterOne() {
        DataPacketBatch batch = batch(100, 100, 100, 40);

        channel.writeOutbound(new DefaultAddressedEnvelope<>(batch, PEER));

        DatagramPacket datagram = channel.readOutbound();
        assertThat(segmentSizes).containsExactly(116);
        ByteBuf wire = datagram.content();
        assertThat(wire.readableBytes()).isEqualTo(3 * 116 + 56);
        for (int i = 0; i < 4; i++) {
            assertThat(wire.getInt(i * 116)).as("sequence of packet %d", i).isEqualTo(i);
        }
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(batch.refCnt()).isZero();
        datagram.release();
    }

    @Test
    void aShorterPacketInTheMiddleEndsTheRunAndALongerOneStartsANewOne() {
        channel.writeOutbound(new DefaultAddressedEnvelope<>(batch(100, 40, 100, 100), PEER));

        List<DatagramPacket> datagrams = new ArrayList<>();
        for (DatagramPacket d = channel.readOutbound(); d != null; d = channel.readOutbound()) {
            datagrams.add(d);
        }
        assertThat(datagrams).extracting(d -> d.content().readableBytes()).containsExactly(116 + 56, 2 * 116);
        assertThat(segmentSizes).containsExactly(116, 116);
        datagrams.forEach(DatagramPacket::release);
    }

    @Test
    void withoutSegmentationEveryPacketIsItsOwnDatagram() {
        EmbeddedChannel plain = new EmbeddedChannel(new UdtPacketEncoder());
        plain.writeOutbound(new DefaultAddressedEnvelope<>(batch(100, 100), PEER));

        DatagramPacket first = plain.readOutbound();
        DatagramPacket second = plain.readOutbound();
        assertThat(first.content().readableBytes()).isEqualTo(116);
        assertThat(second.content().getInt(0)).isEqualTo(1);
        first.release();
        second.release();
        assertThat(plain.finish()).isFalse();
    }

    private static DataPacketBatch batch(int... payloadSizes) {
        DataPacketBatch batch = new DataPacketBatch(payloadSizes.length);
        for (int i = 0; i < payloadSizes.length; i++) {
            batch.add(new DataPacket(i, DataPacket.SOLO | 1, 0, 7, Unpooled.wrappedBuffer(new byte[payloadSizes[i]])));
        }
        return batch;
    }
}
