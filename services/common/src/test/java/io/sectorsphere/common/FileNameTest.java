package io.sectorsphere.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "data/2026/run-1.csv", "été/naïve.txt", "a..b", ".hidden", "x/.y/z"})
    void acceptsRelativeHierarchicalNames(String name) {
        assertThat(FileName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "../x", "a/../b", "a/./b", ".", "..", "a//b", "a/", "nul\0byte",
            "tab\tname", "bell\u0007", "c1\u0085control", "bad\uD800surrogate"})
    void rejectsUnsafeNames(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> FileName.of(name));
    }

    @Test
    void limitsNamesTo255BytesOfUtf8() {
        assertThat(FileName.of("a".repeat(255)).value()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> FileName.of("a".repeat(256)))
                .withMessageContaining("255 bytes");
        // 128 two-byte characters are 256 bytes though only 128 chars.
        assertThatIllegalArgumentException().isThrownBy(() -> FileName.of("é".repeat(128)));
    }

    @Test
    void rejectsMissingName() {
        assertThatIllegalArgumentException().isThrownBy(() -> FileName.of(null));
    }

    @Test
    void splitsIntoSegments() {
        assertThat(FileName.of("a/b/c.txt").segments()).containsExactly("a", "b", "c.txt");
    }
}
