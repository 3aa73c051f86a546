package io.sectorsphere.storage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.sectorsphere.common.FileName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileRouteTest {

    @Test
    void lastSegmentMetaOrRecordsIsAnOperationOnTheRest() {
        assertThat(FileRoute.parse("/a/b.dat")).isEqualTo(new FileRoute(FileName.of("a/b.dat"), FileRoute.Operation.FILE));
        assertThat(FileRoute.parse("/a/b.dat/meta"))
                .isEqualTo(new FileRoute(FileName.of("a/b.dat"), FileRoute.Operation.META));
        assertThat(FileRoute.parse("/x/records"))
                .isEqualTo(new FileRoute(FileName.of("x"), FileRoute.Operation.RECORDS));
        assertThat(FileRoute.parse("/metadata").operation()).isEqualTo(FileRoute.Operation.FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/meta", "/records", "/../x", "//abs", "/a/", "/a/../meta"})
    void pathsThatAddressNoValidNameAreRefused(String captured) {
        assertThatIllegalArgumentException().isThrownBy(() -> FileRoute.parse(captured));
    }

    @Test
    void writesCannotNameAnOperation() {
        assertThat(FileRoute.file("/a/b")).isEqualTo(FileName.of("a/b"));
        assertThatIllegalArgumentException().isThrownBy(() -> FileRoute.file("/a/meta"));
        assertThatIllegalArgumentException().isThrownBy(() -> FileRoute.file("/a/records"));
    }
}
