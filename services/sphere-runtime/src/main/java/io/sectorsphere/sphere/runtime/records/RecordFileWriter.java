package io.sectorsphere.sphere.runtime.records;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends records to a new file and writes its {@code .idx} (see {@link RecordIndex}) as it goes,
 * the closing offset on {@link #close()}; a fixed-size output may go without an index.
 */
public final class RecordFileWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final OutputStream data;
    private final OutputStream index;
    private final byte[] entry = new byte[Long.BYTES];
    private long records;
    private long bytes;
    private boolean closed;

    private RecordFileWriter(OutputStream data, OutputStream index) {
        this.data = data;
        this.index = index;
    }

    /** Creates (or truncates) {@code file}, and its index unless {@code writeIndex} is false. */
    public static RecordFileWriter create(Path file, boolean writeIndex) throws IOException {
        OutputStream data = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
        try {
            OutputStream index = writeIndex
                    ? new BufferedOutputStream(Files.newOutputStream(RecordIndex.pathFor(file)), 1 << 16)
                    : null;
            return new RecordFileWriter(data, index);
        } catch (IOException | RuntimeException e) {
            data.close();
            throw e;
        }
    }

    public void append(byte[] record, int offset, int length) throws IOException {
        if (index != null) {
            writeOffset(bytes);
        }
        data.write(record, offset, length);
        records++;
        bytes += length;
    }

    public void append(byte[] record) throws IOException {
        append(record, 0, record.length);
    }

    public long records() {
        return records;
    }

    public long bytes() {
        return bytes;
    }

    private void writeOffset(long offset) throws IOException {
        RecordIndex.LONG_BIG_ENDIAN.set(entry, 0, offset);
        index.write(entry);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (data) {
            if (index != null) {
                try (index) {
                    writeOffset(bytes);
                }
            }
        }
    }
}
