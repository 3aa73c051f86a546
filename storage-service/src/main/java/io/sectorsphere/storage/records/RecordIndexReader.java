package io.sectorsphere.storage.records;

import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.springframework.stereotype.Component;

/**
 * Reads a file's record index as Sector writes it: {@code F.idx} beside {@code F}, records + 1
 * big-endian int64 offsets, the last one the end of the last record. Only the part asked for is
 * read and checked, so a slice costs the same on a file of a thousand or a billion records.
 */
@Component
public class RecordIndexReader {

    /** Most records in one slice: 800 KB of offsets. */
    public static final int MAX_COUNT = 100_000;
    private static final int OFFSET_BYTES = Long.BYTES;

    private final LocalIndex index;
    private final FileStore fileStore;

    RecordIndexReader(LocalIndex index, FileStore fileStore) {
        this.index = index;
        this.fileStore = fileStore;
    }

    /**
     * Up to {@code count} records from {@code from}; fewer at the end of the file or beyond
     * {@link #MAX_COUNT}.
     *
     * @throws NoRecordIndexException if the file has no index here
     * @throws InvalidRecordIndexException if the index does not fit the file
     * @throws IllegalArgumentException if {@code from} lies beyond the last record or count is negative
     */
    public RecordSlice slice(LocalFile file, long from, long count) {
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("from and count must not be negative");
        }
        LocalFile idx = index.get(LocalFile.indexOf(file.name()))
                .orElseThrow(() -> new NoRecordIndexException("'" + file.name() + "' has no record index ("
                        + file.name() + LocalFile.INDEX_SUFFIX + ") on this node"));
        if (idx.size() < OFFSET_BYTES || idx.size() % OFFSET_BYTES != 0) {
            throw new InvalidRecordIndexException("the record index of '" + file.name() + "' has " + idx.size()
                    + " bytes, not a positive multiple of 8");
        }
        long total = idx.size() / OFFSET_BYTES - 1;
        if (from > total) {
            throw new IllegalArgumentException("from=" + from + " lies beyond the last record; the file has "
                    + total + " records");
        }
        int n = (int) Math.min(Math.min(count, total - from), MAX_COUNT);
        long[] offsets = read(idx, from, n + 1);
        for (int i = 0; i < offsets.length; i++) {
            boolean ordered = i == 0 ? offsets[i] >= 0 : offsets[i] >= offsets[i - 1];
            if (!ordered || offsets[i] > file.size()) {
                throw new InvalidRecordIndexException("the record index of '" + file.name() + "' does not fit the "
                        + "file: offset " + offsets[i] + " of record " + (from + i) + " is out of order or beyond "
                        + file.size() + " bytes");
            }
        }
        return new RecordSlice(total, from, offsets);
    }

    private long[] read(LocalFile idx, long from, int entries) {
        try (FileChannel channel = fileStore.openIfCurrent(idx).orElseThrow(
                () -> new NoRecordIndexException("the record index '" + idx.name() + "' went away"))) {
            ByteBuffer buffer = ByteBuffer.allocate(entries * OFFSET_BYTES).order(ByteOrder.BIG_ENDIAN);
            long position = from * OFFSET_BYTES;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new InvalidRecordIndexException("the record index '" + idx.name() + "' shrank while read");
                }
            }
            buffer.flip();
            long[] offsets = new long[entries];
            buffer.asLongBuffer().get(offsets);
            return offsets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + idx.name(), e);
        }
    }
}
