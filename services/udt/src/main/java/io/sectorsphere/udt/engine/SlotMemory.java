package io.sectorsphere.udt.engine;

import java.nio.ByteBuffer;

/**
 * A ring's packet slots: equal-sized regions of direct memory, allocated a segment of
 * {@value #SEGMENT_SLOTS} slots at a time when first written, so a connection that never fills
 * its window never pays for it. The memory is garbage-collected, never freed by hand: a thread
 * still copying from a slot while the connection closes reads valid memory.
 *
 * <p>One thread fills slots ({@link #forWriting}); another may read a slot's segment
 * ({@link #segment}) once the filler published the slot through a volatile write.
 */
final class SlotMemory {

    static final int SEGMENT_SLOTS = 64;

    private final int slotBytes;
    private final ByteBuffer[] segments;

    /** {@code slots} is rounded up to whole segments. */
    SlotMemory(int slots, int slotBytes) {
        this.slotBytes = slotBytes;
        this.segments = new ByteBuffer[(slots + SEGMENT_SLOTS - 1) / SEGMENT_SLOTS];
    }

    /** The segment holding {@code slot}, allocated on first use; by the filling thread only. */
    ByteBuffer forWriting(int slot) {
        int index = slot / SEGMENT_SLOTS;
        ByteBuffer segment = segments[index];
        if (segment == null) {
            segment = ByteBuffer.allocateDirect(SEGMENT_SLOTS * slotBytes);
            segments[index] = segment;
        }
        return segment;
    }

    /** The segment holding a published {@code slot}. */
    ByteBuffer segment(int slot) {
        return segments[slot / SEGMENT_SLOTS];
    }

    /** Where {@code slot} starts within its segment. */
    int offset(int slot) {
        return (slot % SEGMENT_SLOTS) * slotBytes;
    }

    int slotBytes() {
        return slotBytes;
    }

    /** Slots in this memory: the ring's size. */
    int slots() {
        return segments.length * SEGMENT_SLOTS;
    }
}
