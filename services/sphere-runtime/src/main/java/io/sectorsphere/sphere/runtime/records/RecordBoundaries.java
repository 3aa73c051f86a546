package io.sectorsphere.sphere.runtime.records;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where records start in a local file, for cutting it into segments: fixed-size records by
 * arithmetic, indexed ones by their {@code .idx}. Lines are not located here: any position is a
 * usable cut, because the line reader moves each cut to the next line start in the same way on
 * both sides of it.
 */
public final class RecordBoundaries implements Closeable {

    private final Path file;
    private final RecordFormat format;
    private final long size;
    private final RecordIndex index;

    private RecordBoundaries(Path file, RecordFormat format, long size, RecordIndex index) {
        this.file = file;
        this.format = format;
        this.size = size;
        this.index = index;
    }

    /** Reads the file's size, and its index for {@code index}; checks fixed-size files hold whole records. */
    public static RecordBoundaries of(Path file, RecordFormat format) throws IOException {
        long size = Files.size(file);
        return switch (format.kind()) {
            case FIXED -> {
                if (size % format.size() != 0) {
                    throw new IOException(file + " is " + size + " bytes, not a whole number of "
                            + format.size() + "-byte records");
                }
                yield new RecordBoundaries(file, format, size, null);
            }
            case INDEX -> new RecordBoundaries(file, format, size, RecordIndex.open(file, size));
            case LINES -> new RecordBoundaries(file, format, size, null);
        };
    }

    public long fileSize() {
        return size;
    }

    /** The number of records, or -1 for lines (unknown without reading the file). */
    public long recordCount() {
        return switch (format.kind()) {
            case FIXED -> size / format.size();
            case INDEX -> index.recordCount();
            case LINES -> -1;
        };
    }

    /**
     * The first record boundary at or after {@code position} (the file size if none): rounded up to
     * a record for fixed sizes, looked up in the index, and {@code position} itself for lines.
     */
    public long boundaryAtOrAfter(long position) throws IOException {
        long at = Math.clamp(position, 0, size);
        return switch (format.kind()) {
            case FIXED -> Math.min(size, Math.ceilDiv(at, format.size()) * format.size());
            case INDEX -> index.offsetOf(index.firstRecordAtOrAfter(at));
            case LINES -> at;
        };
    }

    /** Where record number {@code record} starts (the file size for {@code recordCount()}); not for lines. */
    public long boundaryOfRecord(long record) throws IOException {
        return switch (format.kind()) {
            case FIXED -> Math.min(size, record * format.size());
            case INDEX -> index.offsetOf(Math.min(record, index.recordCount()));
            case LINES -> throw new IllegalStateException("lines of " + file + " are not numbered");
        };
    }

    /** The number of the record starting at a boundary, or -1 for lines. */
    public long recordNumberAt(long boundary) throws IOException {
        return switch (format.kind()) {
            case FIXED -> boundary / format.size();
            case INDEX -> index.firstRecordAtOrAfter(boundary);
            case LINES -> -1;
        };
    }

    @Override
    public void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }
}
