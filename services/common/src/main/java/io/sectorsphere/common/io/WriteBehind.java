package io.sectorsphere.common.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;

/**
 * Forces a file that is being written to disk behind its writer, a piece at a time: once
 * {@code piece} bytes were written since the last flush began, the next one starts on a thread of
 * its own (never two at once), so the disk writes while the bytes still arrive. The force at the
 * end then has only the last piece or two left. Without it the kernel starts writing back only when
 * a tenth of memory is dirty, so a large file went to disk after its last byte, doubling the time a
 * durable write took.
 */
public final class WriteBehind implements AutoCloseable {

    /**
     * Written bytes between two background flushes, by default: large, because each fdatasync
     * costs a journal commit and a disk cache flush during which writes to the file wait; a 1 GiB
     * file gets three in the background and one at its end.
     */
    public static final long PIECE = 256L << 20;

    private final FileChannel channel;
    private final long piece;
    private long sinceFlush;
    private Thread flushing;
    private volatile IOException failure;

    /** Flushes every {@link #PIECE} bytes. */
    public WriteBehind(FileChannel channel) {
        this(channel, PIECE);
    }

    /**
     * @param channel the file being written, open for writing
     * @param piece   bytes written between two background flushes
     */
    public WriteBehind(FileChannel channel, long piece) {
        if (piece < 1) {
            throw new IllegalArgumentException("a piece is at least one byte, got " + piece);
        }
        this.channel = channel;
        this.piece = piece;
    }

    /**
     * Counts {@code bytes} just written and starts a flush if a piece is due and none is running.
     *
     * @throws IOException if an earlier background flush failed
     */
    public void written(long bytes) throws IOException {
        rethrow();
        sinceFlush += bytes;
        if (sinceFlush >= piece && (flushing == null || !flushing.isAlive())) {
            sinceFlush = 0;
            flushing = Thread.ofVirtual().name("write-behind").start(this::flush);
        }
    }

    /** Waits for a running flush, then forces the data and the file's metadata to disk. */
    public void finish() throws IOException {
        awaitFlush();
        rethrow();
        channel.force(true);
    }

    /** Waits for a running flush to end, so that nothing touches the file after its writer gave it up. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (flushing != null && flushing.isAlive()) {
            try {
                flushing.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitFlush() throws InterruptedIOException {
        if (flushing == null) {
            return;
        }
        try {
            flushing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the file was being forced to disk");
        }
    }

    private void flush() {
        try {
            // Data only: the size and times are forced once, at the end.
            channel.force(false);
        } catch (IOException e) {
            failure = e;
        }
    }

    private void rethrow() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException("forcing the file to disk failed: " + failed.getMessage(), failed);
        }
    }
}
