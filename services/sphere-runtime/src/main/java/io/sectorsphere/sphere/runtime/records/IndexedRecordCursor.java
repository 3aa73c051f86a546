package io.sectorsphere.sphere.runtime.records;

import java.io.IOException;
import java.nio.file.Path;

/** Records found by the file's {@code .idx}: those whose start lies in the range. */
final class IndexedRecordCursor extends WindowCursor {

    private final FileWindow offsets;
    private final long records;
    private final long end;
    private long record;

    IndexedRecordCursor(Path file, long offset, long length) throws IOException {
        super(new FileWindow(file, FileWindow.DEFAULT_CAPACITY));
        try (RecordIndex index = RecordIndex.open(file, window.size())) {
            this.records = index.recordCount();
            this.record = index.firstRecordAtOrAfter(offset);
            this.position = index.offsetOf(record);
            this.offsets = new FileWindow(index.path(), 1 << 16);
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
        this.end = Math.min(offset + length, window.size());
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
        if (size < 0 || size > FileWindow.MAX_RECORD_BYTES || stop > window.size()) {
            throw new IOException("record " + record + " of " + window.file() + " at offset " + start + " is "
                    + size + " bytes by its index" + (size < 0 ? " (offsets go backwards)"
                    : stop > window.size() ? ", past the end of the file at " + window.size()
                    : ", over the limit of " + FileWindow.MAX_RECORD_BYTES));
        }
        position = stop;
        current(window.load(start, (int) size), (int) size);
        record++;
        return true;
    }





    @Override
    public void close() throws IOException {
        try (FileWindow data = window; offsets) {
            // both closed, the first failure reported
        }
    }
}
