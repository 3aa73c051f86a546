package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        new WordTokenizer().words(bytes, 1, bytes.length - 2, words::add);
        return words;
    }

    private static List<String> unicodeWords(String text) {
        List<String> words = new ArrayList<>();
        WordTokenizer.words(text, words::add);
        return words;
    }

    @Test
    void asciiTextSplitsAsTheUnicodeRuleSplitsIt() {
        for (String text : List.of("Hello, World! x42y 0x1F_ab-CD\ttab", "", "   ", "a", "end.", "[Z]@`{", "ab\r\n")) {
            assertThat(words(text)).as(text).isEqualTo(unicodeWords(text));
        }
        assertThat(words("Hello, World! x42y")).containsExactly("hello", "world", "x42y");
    }

    @Test
    void nonAsciiTextTakesTheUnicodePathAndLongWordsComeWhole() {
        assertThat(words("Café ÉTÉ straße Ωmega")).containsExactly("café", "été", "straße", "ωmega");
        String longWord = "W".repeat(1000);
        assertThat(words("a " + longWord + " b")).containsExactly("a", longWord.toLowerCase(), "b");
    }
}
