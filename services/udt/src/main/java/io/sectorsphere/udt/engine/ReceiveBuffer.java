package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.sectorsphere.udt.UdtException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-order payloads the event loop delivered and the application has not read yet. Bounded:
 * the loop accepts a data packet only while this holds fewer than its capacity, and advertises
 * the free space to the peer as its flow window.
 */
final class ReceiveBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue;
    private final int capacity;
    private final Runnable onSpaceFreed;
    private final java.util.concurrent.atomic.AtomicBoolean reportedNearlyFull = new java.util.concurrent.atomic.AtomicBoolean();
    /** The queue's size, written under the lock. */
    private volatile int size;
    private boolean finished;
    private boolean discarded;
    private UdtException failure;

    /**
     * {@code onSpaceFreed} runs on the reading thread once the buffer, after the loop reported it
     * nearly full to the sender ({@link #markNearlyFull}), is down to half: once per such episode.
     */
    ReceiveBuffer(int capacity, Runnable onSpaceFreed) {
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
        this.onSpaceFreed = onSpaceFreed;
    }

    int capacity() {
        return capacity;
    }

    /** Packets waiting to be read; read by the loop for every packet, so without the lock. */
    int size() {
        return size;
    }

    /** Takes ownership of {@code payload}. */
    void offer(ByteBuf payload) {
        lock.lock();
        try {
            if (discarded || finished || failure != null) {
                payload.release();
                return;
            }
            queue.addLast(payload);
            size = queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes a waiting reader. The loop calls this once per batch of datagrams rather than per
     * packet, so a reader that keeps up is not woken (two context switches) for every packet.
     */
    void publish() {
        lock.lock();
        try {
            if (!queue.isEmpty()) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next payload if one is ready, without waiting. */
    ByteBuf poll() {
        ByteBuf next;
        int left;
        lock.lock();
        try {
            next = queue.pollFirst();
            left = queue.size();
            size = left;
        } finally {
            lock.unlock();
        }
        afterTaking(left);
        return next;
    }

    /** The loop told the sender that little space is left; the reader reopens the window once it drains. */
    void markNearlyFull() {
        reportedNearlyFull.set(true);
    }

    boolean isNearlyFull(int queued) {
        return queued >= capacity - capacity / 8;
    }

    private void afterTaking(int left) {
        if (left <= capacity / 2 && reportedNearlyFull.get() && reportedNearlyFull.compareAndSet(true, false)) {
            onSpaceFreed.run();
        }
    }

    /**
     * The next payload, waiting for one; {@code null} once the peer shut down and everything was
     * read. Throws when the connection broke.
     */
    ByteBuf take() throws IOException {
        ByteBuf next;
        int left;
        lock.lock();
        try {
            while (queue.isEmpty() && !finished && failure == null && !discarded) {
                notEmpty.await();
            }
            if (queue.isEmpty()) {
                if (failure != null) {
                    throw new UdtException(failure.getMessage(), failure);
                }
                if (discarded) {
                    throw new UdtException("the connection is closed");
                }
                return null;
            }
            next = queue.pollFirst();
            left = queue.size();
            size = left;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving");
        } finally {
            lock.unlock();
        }
        afterTaking(left);
        return next;
    }

    /** The peer shut down: readers get what is left, then the end of the stream. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The connection broke: readers get what is left, then {@code reason}. */
    void fail(UdtException reason) {
        lock.lock();
        try {
            if (failure == null && !finished) {
                failure = reason;
            }
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** This side closed: unread data is dropped. */
    void discard() {
        lock.lock();
        try {
            discarded = true;
            ByteBuf payload;
            while ((payload = queue.pollFirst()) != null) {
                payload.release();
            }
            size = 0;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
