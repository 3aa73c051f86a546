package io.sectorsphere.sphere.operators;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/** Splits text into words: maximal runs of Unicode letters and digits, lower-cased ({@code Locale.ROOT}). */
final class WordTokenizer {

    private byte[] word = new byte[256];

    /** The words of UTF-8 text; ASCII text is split on its bytes without decoding the whole record first. */
    void words(byte[] text, int offset, int length, Consumer<String> sink) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (text[i] < 0) {
                words(new String(text, offset, length, StandardCharsets.UTF_8), sink);
                return;
            }
        }
        int size = 0;
        for (int i = offset; i <= end; i++) {
            byte b = i < end ? text[i] : (byte) ' ';
            boolean lower = b >= 'a' && b <= 'z';
            boolean upper = b >= 'A' && b <= 'Z';
            if (lower || upper || b >= '0' && b <= '9') {
                if (size == word.length) {
                    word = Arrays.copyOf(word, 2 * size);
                }
                word[size++] = upper ? (byte) (b + ('a' - 'A')) : b;
            } else if (size > 0) {
                sink.accept(new String(word, 0, size, StandardCharsets.ISO_8859_1));
                size = 0;
            }
        }
    }

    static void words(String text, Consumer<String> sink) {
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                sink.accept(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            sink.accept(text.substring(start).toLowerCase(Locale.ROOT));
        }
    }
}
