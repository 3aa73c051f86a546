package io.sectorsphere.sphere.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over records: {@link #next()} moves to the next record, whose bytes are then
 * {@code buffer()[offset() .. offset() + length())}. The buffer is reused between records: copy
 * what must outlive the next call.
 */
public interface Records {

    boolean next() throws IOException;

    byte[] buffer();

    int offset();

    int length();

    /** The current record's bytes, copied. */
    default byte[] copy() {
        return Arrays.copyOfRange(buffer(), offset(), offset() + length());
    }

    /** The current record as UTF-8 text, without a trailing line break. */
    default String text() {
        int end = offset() + length();
        if (end > offset() && buffer()[end - 1] == '\n') {
            end--;
        }
        if (end > offset() && buffer()[end - 1] == '\r') {
            end--;
        }
        return new String(buffer(), offset(), end - offset(), StandardCharsets.UTF_8);
    }
}
