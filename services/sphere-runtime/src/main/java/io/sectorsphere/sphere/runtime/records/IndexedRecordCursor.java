package io.sectorsphere.sphere.runtime.records;

import java.io.IOException;
import java.nio.file.Path;

/** Records found by the file's {@code .idx}: those whose start lies in the range. */
final class IndexedRecordCursor implements RecordCursor {

    private final FileWindow data;
    private final FileWindow offsets;
    private final long records;
    private final long end;
    private long record;
    private long position;
    private int index;
    private int length;

    IndexedRecordCursor(Path file, long offset, long length) throws IOException {
        FileWindow window = new FileWindow(file, FileWindow.DEFAULT_CAPACITY);
        try (RecordIndex index = RecordIndex.open(file, window.size())) {
            this.records = index.recordCount();
            this.record = index.firstRecordAtOrAfter(offset);
            this.position = index.offsetOf(record);
            this.offsets = new FileWindow(index.path(), 1 << 16);
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
        this.data = window;
        this.end = Math.min(offset + length, data.size());
    }

    @Override
    public boolean next() throws IOException {
        if (record >= records) {
            return false;
        }
        int at = offsets.load(record * Long.BYTES, 2 * Long.BYTES);
        long start = (long) RecordIndex.LONG_BIG_ENDIAN.get(offsets.buffer(), at);
        long stop = (long) RecordIndex.LONG_BIG_ENDIAN.get(offsets.buffer(), at + Long.BYTES);
        if (start >= end) {
            return false;
        }
        long size = stop - start;
        if (size < 0 || size > FileWindow.MAX_RECORD_BYTES || stop > data.size()) {
            throw new IOException("record " + record + " of " + data.file() + " at offset " + start + " is "
                    + size + " bytes by its index" + (size < 0 ? " (offsets go backwards)"
                    : stop > data.size() ? ", past the end of the file at " + data.size()
                    : ", over the limit of " + FileWindow.MAX_RECORD_BYTES));
        }
        length = (int) size;
        position = stop;
        index = data.load(start, length);
        record++;
        return true;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public byte[] buffer() {
        return data.buffer();
    }

    @Override
    public int offset() {
        return index;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        try (data; offsets) {
            // both closed, the first failure reported
        }
    }
}
