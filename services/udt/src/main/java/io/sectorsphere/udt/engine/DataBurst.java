package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The data packets of one paced burst on their way to the socket, each already in wire form in
 * the send buffer. A run of packets lying back to back in one buffer, all of one size (the last
 * may be shorter, as UDP GSO allows), leaves as one segmented datagram that the kernel cuts
 * where the transport offers segmentation; otherwise every packet is a datagram of its own.
 */
final class DataBurst {

    /** The kernel's bounds on one segmented send: 64 segments and one IP datagram's payload. */
    static final int MAX_SEGMENTS = 64;
    static final int MAX_SEGMENTED_BYTES = 65_507;

    /** Builds a datagram the kernel splits into {@code segmentSize}-byte datagrams. */
    @FunctionalInterface
    interface SegmentedDatagrams {
        DatagramPacket create(ByteBuf data, int segmentSize, InetSocketAddress recipient);
    }

    private final SegmentedDatagrams segmented;
    private final InetSocketAddress peer;
    private final List<DatagramPacket> datagrams = new ArrayList<>();
    private ByteBuf run;
    private int runStart;
    private int runBytes;
    private int segmentSize;
    private int segments;

    /** {@code segmented} is {@code null} where the transport sends one datagram per packet. */
    DataBurst(SegmentedDatagrams segmented, InetSocketAddress peer) {
        this.segmented = segmented;
        this.peer = peer;
    }

    /** Adds the packet of {@code length} bytes at {@code index} of {@code buffer}, which the caller keeps. */
    void add(ByteBuf buffer, int index, int length) {
        if (extendsRun(buffer, index, length)) {
            runBytes += length;
            segments++;
            return;
        }
        endRun();
        run = buffer;
        runStart = index;
        runBytes = length;
        segmentSize = length;
        segments = 1;
    }

    private boolean extendsRun(ByteBuf buffer, int index, int length) {
        return segmented != null && buffer == run && index == runStart + runBytes
                && runBytes == segments * segmentSize // no shorter packet ended the run yet
                && length <= segmentSize && segments < MAX_SEGMENTS && runBytes + length <= MAX_SEGMENTED_BYTES;
    }

    private void endRun() {
        if (run == null) {
            return;
        }
        ByteBuf data = run.retainedSlice(runStart, runBytes);
        datagrams.add(segments > 1 ? segmented.create(data, segmentSize, peer) : new DatagramPacket(data, peer));
        run = null;
    }

    boolean isEmpty() {
        return run == null && datagrams.isEmpty();
    }

    /** Writes the burst with one flush; the burst is empty afterwards. */
    void writeTo(Channel channel) {
        endRun();
        for (DatagramPacket datagram : datagrams) {
            channel.write(datagram, channel.voidPromise());
        }
        datagrams.clear();
        channel.flush();
    }

    /** Drops what was gathered, after a failure. */
    void discard() {
        run = null;
        datagrams.forEach(DatagramPacket::release);
        datagrams.clear();
    }
}
