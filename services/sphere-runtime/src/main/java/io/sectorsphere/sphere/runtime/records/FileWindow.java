package io.sectorsphere.sphere.runtime.records;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A reusable read buffer over one file: {@link #load} makes a byte range readable in {@link
 * #buffer()}, reading ahead as far as the buffer holds so that sequential readers issue few large
 * reads. The buffer grows for long records, up to {@link #MAX_RECORD_BYTES} and a little.
 */
final class FileWindow implements Closeable {

    /** The longest record a reader accepts; longer ones are an error naming file and offset. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    static final int DEFAULT_CAPACITY = 1 << 20;

    private static final int READ_SLICE = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private byte[] buffer;
    private long bufferStart;
    private int filled;

    FileWindow(Path file, int initialCapacity) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.buffer = new byte[initialCapacity];
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    byte[] buffer() {
        return buffer;
    }

    /** Where {@code position} sits in {@link #buffer()}; valid after {@link #load} covered it. */
    int indexOf(long position) {
        return (int) (position - bufferStart);
    }

    /** How many bytes from {@code position} on are in the buffer now. */
    int loaded(long position) {
        long available = bufferStart + filled - position;
        return position < bufferStart || available < 0 ? 0 : (int) available;
    }

    /**
     * Makes {@code [position, position + count)} readable, cut at the end of the file, and returns
     * where {@code position} sits in {@link #buffer()} (which may be a new array).
     */
    int load(long position, int count) throws IOException {
        long wanted = Math.min(count, size - position);
        if (position >= bufferStart && position <= bufferStart + filled && loaded(position) >= wanted) {
            return indexOf(position);
        }
        byte[] target = buffer;
        if (count > buffer.length) {
            long grown = Math.min((long) MAX_RECORD_BYTES + DEFAULT_CAPACITY, Math.max(count, 2L * buffer.length));
            if (count > grown) {
                throw new IOException("cannot buffer " + count + " bytes of " + file + " at offset " + position);
            }
            target = new byte[(int) grown];
        }
        int keep = loaded(position);
        if (keep > 0) {
            System.arraycopy(buffer, indexOf(position), target, 0, keep);
        }
        buffer = target;
        filled = keep;
        bufferStart = position;
        // Read ahead as far as the buffer goes: sequential readers then issue few large reads.
        while (filled < buffer.length && bufferStart + filled < size) {
            // in slices: a heap buffer is read through a temporary direct buffer as large as the request
            int read = channel.read(ByteBuffer.wrap(buffer, filled, Math.min(READ_SLICE, buffer.length - filled)),
                    bufferStart + filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        if (filled < wanted) {
            throw new IOException(file + " ended at " + (bufferStart + filled) + " while reading at offset "
                    + position + " (was it truncated while being read?)");
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
