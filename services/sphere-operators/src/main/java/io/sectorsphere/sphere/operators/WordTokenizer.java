package io.sectorsphere.sphere.operators;

import java.util.Locale;
import java.util.function.Consumer;

/** Splits text into words: maximal runs of Unicode letters and digits, lower-cased. */
final class WordTokenizer {

    private WordTokenizer() {
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
