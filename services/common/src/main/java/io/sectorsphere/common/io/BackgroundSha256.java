package io.sectorsphere.common.io;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SHA-256 of a stream of bytes, computed on a thread of its own so that whoever moves the bytes
 * (reading a socket, writing a file) is not held up by hashing them: SHA-256 runs at about 1.5 GB/s
 * here, no faster than the wire or the disk, and done in line it added its whole time to theirs.
 *
 * <p>One producer lends it buffers, in order. {@link #buffer} hands out a free one, waiting while
 * every buffer is queued, which bounds memory to {@code buffers × bufferSize}; {@link #hash} queues
 * it filled. The producer may go on reading a queued buffer (to write it out) but must not change
 * it, and must be done with it before it asks for the next one: a hashed buffer is handed out again.
 */
public final class BackgroundSha256 implements AutoCloseable {

    private record Piece(byte[] bytes, int length) {
    }

    /** Queued after the last piece: the hashing thread finishes the digest and ends. */
    private static final Piece END = new Piece(new byte[0], 0);

    private final int bufferSize;
    private final int maxBuffers;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Piece> queued;
    private final MessageDigest sha256;
    private final Thread thread;
    private int allocated;
    private boolean ended;
    private volatile byte[] digest;

    /**
     * Starts the hashing thread.
     *
     * @param bufferSize bytes per buffer: large, so that a hand-over costs nothing next to hashing it
     * @param buffers    how many may exist at once; 2 keep both sides busy, a few more absorb jitter
     * @param name       the thread's name
     */
    public BackgroundSha256(int bufferSize, int buffers, String name) {
        if (bufferSize < 1 || buffers < 2) {
            throw new IllegalArgumentException("at least 2 buffers of at least 1 byte, got " + buffers + " of "
                    + bufferSize);
        }
        this.bufferSize = bufferSize;
        this.maxBuffers = buffers;
        this.free = new ArrayBlockingQueue<>(buffers);
        // Room for every buffer and the end mark: adding never blocks.
        this.queued = new ArrayBlockingQueue<>(buffers + 1);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        // A platform thread: hashing is all CPU and would hold one of the few virtual-thread carriers.
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** An empty buffer of {@code bufferSize} bytes, waiting while all of them are queued. */
    public byte[] buffer() throws InterruptedIOException {
        requireRunning();
        byte[] ready = free.poll();
        if (ready != null) {
            return ready;
        }
        if (allocated < maxBuffers) {
            allocated++;
            return new byte[bufferSize];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hash to catch up");
        }
    }

    /** Queues the first {@code length} bytes of a buffer from {@link #buffer} to be hashed next. */
    public void hash(byte[] buffer, int length) {
        requireRunning();
        if (buffer.length != bufferSize || length < 0 || length > bufferSize) {
            throw new IllegalArgumentException("not a buffer of this hash, or a length beyond it");
        }
        queued.add(new Piece(buffer, length));
    }

    /** Waits until everything queued is hashed and returns the SHA-256 of it all; once only. */
    public byte[] digest() throws InterruptedIOException {
        requireRunning();
        ended = true;
        queued.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hash");
        }
        return digest.clone();
    }

    /** Stops the hashing thread, dropping whatever is still queued, and waits until it has ended. */
    @Override
    public void close() {
        ended = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireRunning() {
        if (ended) {
            throw new IllegalStateException("the hash is finished or closed");
        }
    }

    private void run() {
        try {
            while (true) {
                Piece piece = queued.take();
                if (piece == END) {
                    digest = sha256.digest();
                    return;
                }
                sha256.update(piece.bytes(), 0, piece.length());
                free.add(piece.bytes());
            }
        } catch (InterruptedException e) {
            // Closed: nobody wants the digest.
        }
    }
}
