package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.sectorsphere.udt.UdtException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Received payloads in a ring of packet slots, as UDT's receive buffer keeps them: the event
 * loop copies each datagram's payload into the slot of its sequence number (out-of-order ones
 * too, so a retransmission fills the gap in place) and publishes the in-order prefix; the
 * application copies from the slots into its own array or file. Bounded: the loop accepts a data
 * packet only while it falls within {@link #capacity} slots of the oldest unread one, and
 * advertises the free space to the peer as its flow window.
 *
 * <p>One loop thread fills, one application thread at a time reads; they share only the two
 * volatile counters and {@link WakeSignal}.
 */
final class ReceiveBuffer {

    /** A reader waiting for a full stream is woken once this many packets arrived, not for each. */
    static final int WAKE_PACKETS = 64;

    private final int capacity;
    /** {@link #WAKE_PACKETS}, or less in a small buffer, which must never fill while its reader sleeps. */
    private final int wakePackets;

    private final Runnable onSpaceFreed;
    private final AtomicBoolean reportedNearlyFull = new AtomicBoolean();
    private final WakeSignal readable = new WakeSignal();
    private SlotMemory slots;
    private int mask;
    private int[] lengths;
    /** Loop only: which slots past the published prefix hold a payload already. */
    private boolean[] arrived;
    /** Packets made readable so far: written by the loop. */
    private volatile long delivered;
    /** Packets read completely so far: written by the reader. */
    private volatile long consumed;
    /** Loop only: {@link #delivered} when a reader was last woken. */
    private long deliveredAtWake;
    /** Loop only: a packet shorter than a full payload, the end of a write, arrived since the last wake. */
    private boolean writeEnded;
    /** Reader only: bytes already read from the slot at {@code consumed}. */
    private int readOffset;
    private volatile boolean finished;
    private volatile boolean discarded;
    private volatile UdtException failure;

    /**
     * {@code onSpaceFreed} runs on the reading thread once the buffer, after the loop reported it
     * nearly full to the sender ({@link #markNearlyFull}), is down to half: once per such episode.
     */
    ReceiveBuffer(int capacity, Runnable onSpaceFreed) {
        this.capacity = capacity;
        this.wakePackets = Math.max(1, Math.min(WAKE_PACKETS, capacity / 4));
        this.onSpaceFreed = onSpaceFreed;
    }

    /** Sizes the slots for the negotiated payload; by the loop, before any packet is stored. */
    void open(int payloadSize) {
        slots = new SlotMemory(SlotMemory.ringSlotsFor(capacity), payloadSize);
        mask = slots.slots() - 1;
        lengths = new int[slots.slots()];
        arrived = new boolean[slots.slots()];
    }

    int capacity() {
        return capacity;
    }

    /** Bytes of direct memory the slots hold now. */
    long allocatedBytes() {
        return slots.allocatedBytes();
    }

    /** Packets delivered and not yet read completely. */
    int size() {
        return (int) (delivered - consumed);
    }

    // ---------------------------------------------------------------- event loop

    /**
     * Copies {@code payload} into the slot {@code offset} packets past the next in-order one; the
     * caller checked that it lies within the window and keeps ownership of {@code payload}.
     */
    void store(int offset, ByteBuf payload) {
        int slot = (int) (delivered + offset) & mask;
        int length = payload.readableBytes();
        ByteBuffer segment = slots.forWriting(slot);
        int at = slots.offset(slot);
        payload.getBytes(payload.readerIndex(), segment.slice(at, length));
        lengths[slot] = length;
        arrived[slot] = true;
    }

    /** Publishes the in-order packets stored so far; returns how many became readable. */
    int deliver() {
        long next = delivered;
        while (arrived[(int) next & mask]) {
            arrived[(int) next & mask] = false;
            writeEnded |= lengths[(int) next & mask] < slots.slotBytes();
            next++;
        }
        int count = (int) (next - delivered);
        if (count > 0) {
            delivered = next;
        }
        return count;
    }

    /**
     * Wakes a waiting reader if enough arrived: {@value #WAKE_PACKETS} packets (a quarter of a
     * smaller buffer), or the end of a
     * write (a short packet), which a reader of a request may be waiting for. The loop calls this
     * once per batch of datagrams; on a long path batches hold a packet or two, and waking the
     * reader for each would cost two context switches per packet. Like UDT 4.11, which signals
     * readers when it acknowledges, the loop wakes them for the rest every SYN ({@link #publishAll}).
     */
    void publish() {
        if (writeEnded || delivered - deliveredAtWake >= wakePackets) {
            wakeReader();
        }
    }

    /** Wakes a waiting reader if anything arrived since it was last woken. */
    void publishAll() {
        if (delivered != deliveredAtWake) {
            wakeReader();
        }
    }

    private void wakeReader() {
        deliveredAtWake = delivered;
        writeEnded = false;
        readable.wake();
    }

    /** The loop told the sender that little space is left; the reader reopens the window once it drains. */
    void markNearlyFull() {
        reportedNearlyFull.set(true);
    }

    boolean isNearlyFull(int queued) {
        return queued >= capacity - capacity / 8;
    }

    /** The peer shut down: readers get what is left, then the end of the stream. */
    void finish() {
        finished = true;
        readable.wake();
    }

    /** The connection broke: readers get what is left, then {@code reason}. */
    void fail(UdtException reason) {
        if (failure == null && !finished) {
            failure = reason;
        }
        readable.wake();
    }

    /** This side closed: unread data is dropped. */
    void discard() {
        discarded = true;
        readable.wake();
    }

    // ---------------------------------------------------------------- reader

    /**
     * Copies up to {@code length} bytes, waiting for the first; -1 once the peer shut down and
     * everything was read. Throws when the connection broke or this side closed it.
     */
    int read(byte[] target, int offset, int length) throws IOException {
        if (!awaitReadable()) {
            return -1;
        }
        long next = consumed;
        long end = delivered;
        int done = 0;
        while (done < length && next < end) {
            int slot = (int) next & mask;
            int n = Math.min(length - done, lengths[slot] - readOffset);
            slots.segment(slot).get(slots.offset(slot) + readOffset, target, offset + done, n);
            done += n;
            next = advance(next, slot, n);
        }
        consumed(next);
        return done;
    }

    /**
     * Writes up to {@code count} bytes to {@code file} at {@code position}, waiting for the
     * first; -1 once the peer shut down and everything was read.
     */
    long write(FileChannel file, long position, long count) throws IOException {
        if (!awaitReadable()) {
            return -1;
        }
        long next = consumed;
        long end = delivered;
        long done = 0;
        while (done < count && next < end) {
            int slot = (int) next & mask;
            int n = (int) Math.min(count - done, lengths[slot] - readOffset);
            ByteBuffer source = slots.segment(slot).slice(slots.offset(slot) + readOffset, n);
            while (source.hasRemaining()) {
                done += file.write(source, position + done);
            }
            next = advance(next, slot, n);
        }
        consumed(next);
        return done;
    }

    /** Bytes readable without waiting. */
    int available() {
        long next = consumed;
        long end = delivered;
        long bytes = next < end ? lengths[(int) next & mask] - readOffset : 0;
        for (long p = next + 1; p < end; p++) {
            bytes += lengths[(int) p & mask];
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    private long advance(long next, int slot, int bytesRead) {
        readOffset += bytesRead;
        if (readOffset == lengths[slot]) {
            readOffset = 0;
            return next + 1;
        }
        return next;
    }

    private void consumed(long next) {
        // Released before the loop can see the new count, and so before it may fill them again.
        slots.release(consumed, next);
        consumed = next;
        int left = (int) (delivered - next);
        if (left <= capacity / 2 && reportedNearlyFull.get() && reportedNearlyFull.compareAndSet(true, false)) {
            onSpaceFreed.run();
        }
    }

    /** True once data is readable, false at the end of the stream. */
    private boolean awaitReadable() throws IOException {
        if (!discarded && delivered == consumed && !finished && failure == null) {
            try {
                readable.await(() -> discarded || delivered != consumed || finished || failure != null, Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while receiving");
            }
        }
        if (discarded) {
            throw new UdtException("the connection is closed");
        }
        if (delivered != consumed) {
            return true;
        }
        if (failure != null) {
            throw new UdtException(failure.getMessage(), failure);
        }
        return false;
    }
}
