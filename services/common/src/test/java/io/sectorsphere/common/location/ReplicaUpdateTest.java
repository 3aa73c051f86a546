package io.sectorsphere.common.location;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaUpdateTest {

    private static final Instant MTIME = Instant.parse("2026-11-22T03:00:00Z");
    private static final String CHECKSUM = "sha256:" + "ab".repeat(32);

    @Test
    void acceptsAWellFormedUpdate() {
        assertThatNoException().isThrownBy(() -> new ReplicaUpdate("10.0.0.1:6200", "http://10.0.0.1:6200",
                "10.0.0.1:6301", 123L, MTIME, CHECKSUM, null));
        assertThatNoException().isThrownBy(() -> new ReplicaUpdate("[::1]:6200", "https://node-1.example:6200/",
                "node-1.example:6301", 0L, MTIME, "md5:0123abcd", 300L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:0", "host:70000", "host:x", ":6200", "ho st:6200", "::1:6200",
            "hōst:6200", "a/b:6200"})
    void rejectsHoldersThatAreNotHostAndPort(String holder) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate(holder, "http://h:1", "h:2", 1L,
                MTIME, CHECKSUM, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h:1", "h:1", "http://user@h:1", "http://h:1/?q", "http://h:1/#f", "http:///x"})
    void rejectsHttpAddressesThatAreNotPlainHttpUrls(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate("h:1", url, "h:2", 1L, MTIME,
                CHECKSUM, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256", "sha256:", "sha256:xyz12345", "SHA256:abcdef01", "sha256:abc"})
    void rejectsMalformedChecksums(String checksum) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate("h:1", "http://h:1", "h:2", 1L,
                MTIME, checksum, null));
    }

    @Test
    void rejectsMissingOrNegativeNumbers() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate("h:1", "http://h:1", "h:2", -1L,
                MTIME, CHECKSUM, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate("h:1", "http://h:1", "h:2", null,
                MTIME, CHECKSUM, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate("h:1", "http://h:1", "h:2", 1L,
                null, CHECKSUM, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicaUpdate("h:1", "http://h:1", "h:2", 1L,
                MTIME, CHECKSUM, 0L));
    }
}
