package io.sectorsphere.udt.packet;

import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;
import java.util.ArrayList;
import java.util.List;

/**
 * Data packets for one peer that a sender paced out together, so the encoder may hand them to
 * the kernel in one segmented datagram (UDP GSO) instead of one system call each. Releasing
 * the batch releases its packets.
 */
public final class DataPacketBatch extends AbstractReferenceCounted {

    private final List<DataPacket> packets;

    public DataPacketBatch(int expectedSize) {
        this.packets = new ArrayList<>(expectedSize);
    }

    /** Takes ownership of {@code packet}. */
    public void add(DataPacket packet) {
        packets.add(packet);
    }

    public List<DataPacket> packets() {
        return packets;
    }

    public boolean isEmpty() {
        return packets.isEmpty();
    }

    @Override
    protected void deallocate() {
        for (DataPacket packet : packets) {
            packet.release();
        }
        packets.clear();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        return this;
    }
}
