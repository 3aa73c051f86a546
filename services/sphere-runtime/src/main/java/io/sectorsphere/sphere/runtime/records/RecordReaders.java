package io.sectorsphere.sphere.runtime.records;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.IOException;
import java.nio.file.Path;

/** Opens cursors over the records of a byte range of a local file. */
public final class RecordReaders {

    private RecordReaders() {
    }

    /**
     * The records of {@code [offset, offset + length)} of {@code file} under {@code format}: for
     * {@code fixed:N} the range starts on a record boundary; for {@code index} the records whose start
     * lies in the range; for {@code lines} the lines that start in it (the last may run past its end).
     * Records longer than 64 MiB are an error naming the file and offset.
     */
    public static RecordCursor open(Path file, RecordFormat format, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("a range of " + file + " needs a non-negative offset and length, not "
                    + offset + "+" + length);
        }
        return switch (format.kind()) {
            case FIXED -> new FixedRecordCursor(file, format.size(), offset, length);
            case INDEX -> new IndexedRecordCursor(file, offset, length);
            case LINES -> new LineRecordCursor(file, offset, length);
        };
    }
}
