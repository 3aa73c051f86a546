package io.sectorsphere.sphere.runtime.records;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Newline-terminated lines, split as Hadoop splits text: a line belongs to the range in which it
 * starts, so a range that begins inside a line skips to just after the first {@code '\n'} at or
 * after {@code offset - 1}, and its last line may run past the range's end. Each record keeps its
 * line break ({@code \n} or {@code \r\n}); a last line without one is a record too.
 */
final class LineRecordCursor extends WindowCursor {

    private static final int READ_STEP = 64 << 10;

    private final long end;

    LineRecordCursor(Path file, long offset, long length) throws IOException {
        super(new FileWindow(file, FileWindow.DEFAULT_CAPACITY));
        this.end = Math.min(offset + length, window.size());
        try {
            this.position = offset == 0 ? 0 : startOfLineAtOrAfter(offset);
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
    }

    /** Just after the first line break at or after {@code offset - 1}: where the first whole line starts. */
    private long startOfLineAtOrAfter(long offset) throws IOException {
        long at = offset - 1;
        while (at < window.size()) {
            int from = window.load(at, READ_STEP);
            int loaded = window.loaded(at);
            byte[] buffer = window.buffer();
            for (int i = from; i < from + loaded; i++) {
                if (buffer[i] == '\n') {
                    return at + (i - from) + 1;
                }
            }
            at += loaded;
        }
        return window.size();
    }

    @Override
    public boolean next() throws IOException {
        if (position >= end) {
            return false;
        }
        long remaining = window.size() - position;
        int scanned = 0;
        int want = READ_STEP;
        while (true) {
            int from = window.load(position, want);
            int loaded = window.loaded(position);
            byte[] buffer = window.buffer();
            for (int i = from + scanned; i < from + loaded; i++) {
                if (buffer[i] == '\n') {
                    return found(from, i + 1 - from);
                }
            }
            if (loaded >= remaining) {
                return found(from, loaded); // the last line, without a line break
            }
            if (loaded > FileWindow.MAX_RECORD_BYTES) {
                throw tooLong();
            }
            scanned = loaded;
            want = (int) Math.min((long) FileWindow.MAX_RECORD_BYTES + 1, Math.max(2L * loaded, loaded + READ_STEP));
        }
    }

    private boolean found(int from, int lineLength) throws IOException {
        if (lineLength > FileWindow.MAX_RECORD_BYTES) {
            throw tooLong();
        }
        current(from, lineLength);
        position += lineLength;
        return true;
    }

    private IOException tooLong() {
        return new IOException("a line of " + window.file() + " at offset " + position
                + " is longer than the limit of " + FileWindow.MAX_RECORD_BYTES + " bytes");
    }





}
