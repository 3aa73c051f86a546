package io.sectorsphere.common.replication;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class ReplicationRequestTest {

    private static final String CHECKSUM = "sha256:" + "ab".repeat(32);

    @Test
    void acceptsAWellFormedRequest() {
        assertThatNoException().isThrownBy(() -> new ReplicationRequest("a/b.dat", "http://10.0.0.2:6200", CHECKSUM));
    }

    @Test
    void rejectsBadNamesSourcesAndChecksums() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicationRequest("../x", "http://h:1", CHECKSUM));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicationRequest("x", "h:1", CHECKSUM));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicationRequest("x", "http://h:1", "md5:abcdef01"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplicationRequest("x", "http://h:1", null));
    }
}
