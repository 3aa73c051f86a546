package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataBurstTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.2", 9000);

    private final List<Integer> segmentSizes = new ArrayList<>();
    private final DataBurst.SegmentedDatagrams segmented = (data, size, recipient) -> {
        segmentSizes.add(size);
        return new DatagramPacket(data, recipient);
    };
    private final ByteBuf buffer = Unpooled.buffer(1024).writeZero(1024);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @Test
    void packetsBackToBackOfOneSizeLeaveAsOneSegmentedDatagramEndingWithAShorterOne() {
        DataBurst burst = new DataBurst(segmented, PEER);
        burst.add(buffer, 0, 116);
        burst.add(buffer, 116, 116);
        burst.add(buffer, 232, 116);
        burst.add(buffer, 348, 56);

        burst.writeTo(channel);

        assertThat(lengths(sent())).containsExactly(3 * 116 + 56);
        assertThat(segmentSizes).containsExactly(116);
        assertThat(burst.isEmpty()).isTrue();
        assertThat(buffer.refCnt()).as("the burst released its slices of the caller's buffer").isEqualTo(1);
    }

    @Test
    void aGapAShorterPacketOrAnotherBufferEndsTheRun() {
        ByteBuf other = Unpooled.buffer(256).writeZero(256);
        DataBurst burst = new DataBurst(segmented, PEER);
        burst.add(buffer, 0, 116);
        burst.add(buffer, 116, 40);   // shorter: ends the run it belongs to
        burst.add(buffer, 156, 116);
        burst.add(buffer, 400, 116);  // not adjacent
        burst.add(other, 0, 116);     // another buffer
        burst.add(other, 116, 116);

        burst.writeTo(channel);

        assertThat(lengths(sent())).containsExactly(156, 116, 116, 232);
        assertThat(segmentSizes).containsExactly(116, 116);
    }

    @Test
    void aRunStopsAtTheKernelsSegmentLimit() {
        ByteBuf large = Unpooled.buffer(100 * 16).writeZero(100 * 16);
        DataBurst burst = new DataBurst(segmented, PEER);
        for (int i = 0; i < 100; i++) {
            burst.add(large, i * 16, 16);
        }

        burst.writeTo(channel);

        assertThat(lengths(sent())).containsExactly(DataBurst.MAX_SEGMENTS * 16, (100 - DataBurst.MAX_SEGMENTS) * 16);
    }

    @Test
    void withoutSegmentationEveryPacketIsItsOwnDatagram() {
        DataBurst burst = new DataBurst(null, PEER);
        burst.add(buffer, 0, 116);
        burst.add(buffer, 116, 116);

        burst.writeTo(channel);

        List<DatagramPacket> datagrams = sent();
        assertThat(lengths(datagrams)).containsExactly(116, 116);
        assertThat(datagrams).extracting(DatagramPacket::recipient).containsOnly(PEER);
    }

    @Test
    void discardingReleasesWhatWasGathered() {
        DataBurst burst = new DataBurst(segmented, PEER);
        burst.add(buffer, 0, 116);
        burst.add(buffer, 500, 116);

        burst.discard();
        burst.writeTo(channel);

        assertThat(sent()).isEmpty();
        assertThat(buffer.refCnt()).isEqualTo(1);
    }

    private List<DatagramPacket> sent() {
        List<DatagramPacket> datagrams = new ArrayList<>();
        for (DatagramPacket d = channel.readOutbound(); d != null; d = channel.readOutbound()) {
            datagrams.add(d);
        }
        return datagrams;
    }

    private static List<Integer> lengths(List<DatagramPacket> datagrams) {
        List<Integer> lengths = datagrams.stream().map(d -> d.content().readableBytes()).toList();
        datagrams.forEach(DatagramPacket::release);
        return lengths;
    }
}
