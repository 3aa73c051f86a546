package io.sectorsphere.sphere.operators;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads one spilled run of 100-byte records through a buffer of its own, a record at a time. */
final class SortedRunReader implements Closeable {

    private final FileChannel channel;
    private final byte[] buffer;
    private int filled;
    private int offset;
    private boolean started;

    SortedRunReader(Path run, int bufferBytes) throws IOException {
        if (bufferBytes <= 0 || bufferBytes % TeraRecords.RECORD_BYTES != 0) {
            throw new IllegalArgumentException("a run buffer holds whole records, not " + bufferBytes + " bytes");
        }
        this.channel = FileChannel.open(run, StandardOpenOption.READ);
        this.buffer = new byte[bufferBytes];
    }

    /** Moves to the next record; false at the end of the run. */
    boolean advance() throws IOException {
        if (started) {
            offset += TeraRecords.RECORD_BYTES;
        }
        started = true;
        if (offset < filled) {
            return true;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer);
        while (target.hasRemaining() && channel.read(target) >= 0) {
            // runs hold whole records, so a full buffer or the run's end leaves whole records
        }
        filled = target.position();
        offset = 0;
        return filled > 0;
    }

    byte[] buffer() {
        return buffer;
    }

    int offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
