package io.sectorsphere.sphere.runtime.records;

import java.io.IOException;
import java.nio.file.Path;

/** Records of one fixed size; the range starts on a record boundary. */
final class FixedRecordCursor extends WindowCursor {

    private final int recordSize;
    private final long end;

    FixedRecordCursor(Path file, int recordSize, long offset, long length) throws IOException {
        if (recordSize > FileWindow.MAX_RECORD_BYTES) {
            throw new IOException("records of " + recordSize + " bytes are over the limit of "
                    + FileWindow.MAX_RECORD_BYTES + " (reading " + file + ")");
        }
        if (offset % recordSize != 0) {
            throw new IOException("offset " + offset + " of " + file + " is not on a " + recordSize + "-byte record boundary");
        }
        super(new FileWindow(file, Math.max(recordSize, FileWindow.DEFAULT_CAPACITY)));
        this.recordSize = recordSize;
        this.end = Math.min(offset + length, window.size());
        this.position = offset;
    }

    @Override
    public boolean next() throws IOException {
        if (position >= end) {
            return false;
        }
        current(window.load(position, recordSize), recordSize);
        if (window.loaded(position) < recordSize) {
            throw new IOException(window.file() + " ends in a partial record at offset " + position + ": "
                    + (window.size() - position) + " bytes where " + recordSize + " were expected");
        }
        position += recordSize;
        return true;
    }





}
