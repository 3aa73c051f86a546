package io.sectorsphere.sphere.operators;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer holding one line, reused from line to line. */
final class LineBuffer {

    private byte[] bytes = new byte[256];
    private int length;

    void append(byte[] source, int from, int to) {
        int count = to - from;
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    void clear() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    int indexOf(byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The line as text for a message, without its break and cut short. */
    String preview() {
        int end = Math.min(length, 200);
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + (length > 200 ? "…" : "");
    }
}
