package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.runtime.records.RecordCursor;
import java.io.IOException;

/**
 * One cursor over a segment's records, handed out a unit at a time: each unit sees at most
 * {@code perUnit} records, and the next unit starts where the last stopped. Counts what it delivers.
 */
final class SegmentRecords {

    private final RecordCursor cursor;
    private final long perUnit;
    /** The cursor stands on a record no unit has been given yet. */
    private boolean pending;
    private boolean exhausted;
    private long delivered;

    SegmentRecords(RecordCursor cursor, long perUnit) {
        this.cursor = cursor;
        this.perUnit = perUnit;
    }

    /** Whether another unit has records; moves the cursor onto its first one. */
    boolean hasMore() throws IOException {
        if (!pending && !exhausted) {
            pending = cursor.next();
            exhausted = !pending;
        }
        return pending;
    }

    long delivered() {
        return delivered;
    }

    /** The next unit's records: up to {@code perUnit} of them. */
    Records nextUnit() {
        return new Records() {
            private long given;

            @Override
            public boolean next() throws IOException {
                if (given == perUnit || exhausted) {
                    return false;
                }
                if (pending) {
                    pending = false;
                } else if (!cursor.next()) {
                    exhausted = true;
                    return false;
                }
                given++;
                delivered++;
                return true;
            }

            @Override
            public byte[] buffer() {
                return cursor.buffer();
            }

            @Override
            public int offset() {
                return cursor.offset();
            }

            @Override
            public int length() {
                return cursor.length();
            }
        };
    }
}
