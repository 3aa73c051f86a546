package io.sectorsphere.udt.engine;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A ring's packet slots: equal-sized regions of direct memory, allocated a segment of
 * {@value #SEGMENT_SLOTS} slots at a time when first written, so a connection that never fills
 * its window never pays for it. The memory is garbage-collected, never freed by hand: a thread
 * still copying from a slot while the connection closes reads valid memory.
 *
 * <p>One thread fills slots ({@link #forWriting}); another may read a slot's segment
 * ({@link #segment}) once the filler published the slot through a volatile write.
 *
 * <p>A ring's memory follows its peak occupancy, not its size: the thread that frees slots
 * {@linkplain #release releases} each segment it has wholly passed, before it publishes that
 * through its own volatile counter, and the filler takes released segments back before it
 * allocates. Over a long transfer a ring cycles through all of its slots, and without this every
 * connection would end up holding its whole window of memory, however little it kept in flight.
 * The owner keeps the ring at least one segment larger than the occupancy it allows, so that the
 * filler never writes into a segment the freeing thread has not yet passed.
 */
final class SlotMemory {

    static final int SEGMENT_SLOTS = 64;

    private final int slotBytes;
    private final ByteBuffer[] segments;
    private final Queue<ByteBuffer> released = new ConcurrentLinkedQueue<>();

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
            segment = released.poll();
            if (segment == null) {
                segment = ByteBuffer.allocateDirect(SEGMENT_SLOTS * slotBytes);
            }
            segments[index] = segment;
        }
        return segment;
    }

    /**
     * By the freeing thread: every slot from {@code fromPosition} to before {@code toPosition}
     * (positions count slots since the ring began, so they grow past its size) is free now;
     * segments wholly passed go back for the filler to reuse.
     */
    void release(long fromPosition, long toPosition) {
        for (long segment = fromPosition / SEGMENT_SLOTS; segment < toPosition / SEGMENT_SLOTS; segment++) {
            int index = (int) (segment % segments.length);
            ByteBuffer memory = segments[index];
            if (memory != null) {
                segments[index] = null;
                released.add(memory);
            }
        }
    }

    /** Bytes of memory this ring holds now, in use or kept for reuse. */
    long allocatedBytes() {
        long count = released.size();
        for (ByteBuffer segment : segments) {
            if (segment != null) {
                count++;
            }
        }
        return count * SEGMENT_SLOTS * slotBytes;
    }

    /** Slots for a ring that lets {@code occupancy} slots be in use: a power of two, a segment to spare. */
    static int ringSlotsFor(int occupancy) {
        return Integer.highestOneBit(occupancy + SEGMENT_SLOTS - 1) << 1;
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
