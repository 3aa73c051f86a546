package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.packet.UdtPacket;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

/**
 * Data the application handed over and the peer has not yet acknowledged, in a ring of packet
 * slots as UDT's send buffer keeps it. Each slot leaves room for the data header in front of its
 * payload, so the event loop stamps the header in place and hands the kernel a run of
 * consecutive slots as one segmented datagram: the payload is copied once, by the writer.
 *
 * <p>One application thread at a time writes, filling the slot after the last published one and
 * publishing it when full (or flushed); the loop reads published slots by their offset from the
 * oldest unacknowledged one and frees acknowledged ones. They share only the volatile counters,
 * the limit and {@link WakeSignal}.
 *
 * <p>The writer stays at most {@link #limitToWindow a limit} ahead of the acknowledged data, which the
 * loop sets from what the connection may keep in flight (its congestion window): a writer
 * faster than the path would otherwise fill the whole buffer, which is sized for the longest,
 * fastest path the memory budget allows, and hold that much memory on any path.
 */
final class SendBuffer {

    private final int capacity;
    private final WakeSignal changed = new WakeSignal();
    private SlotMemory slots;
    private int mask;
    private int payloadSize;
    private int[] lengths;
    /** Loop only: each segment as a buffer Netty can send slices of. */
    private ByteBuf[] segmentBuffers;
    /** Packets acknowledged so far: written by the loop. */
    private volatile long acknowledged;
    /** Packets handed to the loop so far: written by the writer. */
    private volatile long published;
    /** Packets the writer may keep ahead of the acknowledged ones: written by the loop. */
    private volatile int limit;
    /** Writer only: payload bytes in the slot at {@code published}, not yet handed over. */
    private int filled;
    private volatile UdtException failure;

    /** Unsent packets the writer may keep beyond the window: 48 ms at 1 Gb/s, for its scheduling gaps. */
    static final int AHEAD_OF_WINDOW = 4096;

    SendBuffer(int capacity) {
        this.capacity = capacity;
        this.limit = Math.min(capacity, AHEAD_OF_WINDOW);
    }

    /** Sizes the slots for the negotiated payload; before the application sees the connection. */
    void open(int payloadSize) {
        this.payloadSize = payloadSize;
        slots = new SlotMemory(SlotMemory.ringSlotsFor(capacity), UdtPacket.HEADER_SIZE + payloadSize);
        mask = slots.slots() - 1;
        lengths = new int[slots.slots()];
        segmentBuffers = new ByteBuf[slots.slots() / SlotMemory.SEGMENT_SLOTS];
    }

    // ---------------------------------------------------------------- writer

    /** Copies {@code length} bytes into slots, waiting while the buffer is full. */
    void write(byte[] source, int offset, int length) throws IOException {
        while (length > 0) {
            ByteBuffer segment = slotToFill();
            int slot = (int) published & mask;
            int n = Math.min(length, payloadSize - filled);
            segment.put(slots.offset(slot) + UdtPacket.HEADER_SIZE + filled, source, offset, n);
            offset += n;
            length -= n;
            filledBy(slot, n);
        }
    }

    /** Copies what remains of {@code source} into slots, waiting while the buffer is full. */
    void write(ByteBuffer source) throws IOException {
        while (source.hasRemaining()) {
            ByteBuffer segment = slotToFill();
            int slot = (int) published & mask;
            int n = Math.min(source.remaining(), payloadSize - filled);
            segment.put(slots.offset(slot) + UdtPacket.HEADER_SIZE + filled, source, source.position(), n);
            source.position(source.position() + n);
            filledBy(slot, n);
        }
    }

    /** Hands over the slot being filled even if it is not full; false when it was empty. */
    boolean publishPartial() {
        if (filled == 0) {
            return false;
        }
        publish((int) published & mask);
        return true;
    }

    private ByteBuffer slotToFill() throws IOException {
        if (filled == 0) {
            awaitRoom();
        }
        return slots.forWriting((int) published & mask);
    }

    private void filledBy(int slot, int bytes) {
        filled += bytes;
        if (filled == payloadSize) {
            publish(slot);
        }
    }

    private void publish(int slot) {
        lengths[slot] = filled;
        filled = 0;
        published = published + 1;
    }

    private void awaitRoom() throws IOException {
        if (failure == null && published - acknowledged >= limit) {
            try {
                changed.await(() -> failure != null || published - acknowledged < limit, Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending");
            }
        }
        throwIfFailed();
    }

    /** Waits until everything was acknowledged; false on timeout. Throws once the connection failed. */
    boolean awaitEmpty(long timeoutNanos) throws IOException {
        if (published != acknowledged && failure == null) {
            try {
                changed.await(() -> failure != null || published == acknowledged, timeoutNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while flushing");
            }
        }
        if (published != acknowledged) {
            throwIfFailed();
        }
        return published == acknowledged;
    }

    private void throwIfFailed() throws UdtException {
        UdtException reason = failure;
        if (reason != null) {
            throw new UdtException(reason.getMessage(), reason);
        }
    }

    // ---------------------------------------------------------------- event loop

    /** Packets handed over and not yet acknowledged. */
    int size() {
        return (int) (published - acknowledged);
    }

    /** The payload length of the packet {@code offset} after the oldest unacknowledged one, or -1 if there is none. */
    int payloadLength(int offset) {
        return offset >= 0 && offset < size() ? lengths[slot(offset)] : -1;
    }

    /** The ring slot of the packet {@code offset} after the oldest unacknowledged one. */
    int slot(int offset) {
        return (int) (acknowledged + offset) & mask;
    }

    /** The sendable buffer over {@code slot}'s segment; its header and payload start at {@link #indexOf}. */
    ByteBuf segmentBuffer(int slot) {
        int index = slot / SlotMemory.SEGMENT_SLOTS;
        ByteBuf buffer = segmentBuffers[index];
        if (buffer == null) {
            buffer = Unpooled.wrappedBuffer(slots.segment(slot));
            segmentBuffers[index] = buffer;
        }
        return buffer;
    }

    int indexOf(int slot) {
        return slots.offset(slot);
    }

    /** Frees the {@code packets} oldest slots, acknowledged by the peer. */
    void acknowledge(int packets) {
        long from = acknowledged;
        long to = from + Math.min(packets, size());
        // Released before the writer can see the new count, and so before it may fill them again.
        slots.release(from, to);
        for (long segment = from / SlotMemory.SEGMENT_SLOTS; segment < to / SlotMemory.SEGMENT_SLOTS; segment++) {
            segmentBuffers[(int) (segment % segmentBuffers.length)] = null;
        }
        acknowledged = to;
        changed.wake();
    }

    /**
     * Lets the writer keep {@code windowPackets}, the most that may be in flight, and
     * {@link #AHEAD_OF_WINDOW} more ahead of the acknowledged data, within the capacity; takes
     * effect when the writer next waits or is woken.
     */
    void limitToWindow(int windowPackets) {
        limit = (int) Math.min(capacity, (long) Math.max(0, windowPackets) + AHEAD_OF_WINDOW);
    }

    /** Bytes of direct memory the slots hold now. */
    long allocatedBytes() {
        return slots.allocatedBytes();
    }

    /** Refuses further data with {@code reason}; what is held is dropped. */
    void fail(UdtException reason) {
        if (failure == null) {
            failure = reason;
        }
        changed.wake();
    }
}
