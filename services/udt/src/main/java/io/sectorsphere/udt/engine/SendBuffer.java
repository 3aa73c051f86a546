package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.sectorsphere.udt.UdtException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Payloads the application handed over and the peer has not yet acknowledged, one per packet,
 * oldest first. The application appends (blocking while full); the event loop reads packets by
 * their offset from the oldest and releases acknowledged ones. The only lock between the two.
 */
final class SendBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteBuf[] slots;
    private final int mask;
    private final int capacity;
    private int head;
    private int count;
    private UdtException failure;

    SendBuffer(int capacity) {
        this.capacity = capacity;
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.slots = new ByteBuf[size];
        this.mask = size - 1;
    }

    /** Takes ownership of {@code payload}, waiting while the buffer is full. */
    void append(ByteBuf payload) throws IOException {
        lock.lock();
        try {
            while (count == capacity && failure == null) {
                changed.await();
            }
            if (failure != null) {
                payload.release();
                throw new UdtException(failure.getMessage(), failure);
            }
            slots[(head + count) & mask] = payload;
            count++;
        } catch (InterruptedException e) {
            payload.release();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending");
        } finally {
            lock.unlock();
        }
    }

    /** The payload {@code offset} packets after the oldest unacknowledged one, or {@code null}. */
    ByteBuf get(int offset) {
        lock.lock();
        try {
            return offset >= 0 && offset < count ? slots[(head + offset) & mask] : null;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the {@code packets} oldest payloads, acknowledged by the peer. */
    void acknowledge(int packets) {
        lock.lock();
        try {
            int n = Math.min(packets, count);
            for (int i = 0; i < n; i++) {
                int slot = (head + i) & mask;
                slots[slot].release();
                slots[slot] = null;
            }
            head = (head + n) & mask;
            count -= n;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything was acknowledged; false on timeout. Throws once the connection failed. */
    boolean awaitEmpty(long timeoutNanos) throws IOException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (count > 0 && failure == null && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            if (count > 0 && failure != null) {
                throw new UdtException(failure.getMessage(), failure);
            }
            return count == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing");
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further data with {@code reason} and frees what is held. */
    void fail(UdtException reason) {
        lock.lock();
        try {
            if (failure == null) {
                failure = reason;
            }
            for (int i = 0; i < count; i++) {
                int slot = (head + i) & mask;
                slots[slot].release();
                slots[slot] = null;
            }
            count = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
