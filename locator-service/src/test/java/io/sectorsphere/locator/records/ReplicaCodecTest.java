package io.sectorsphere.locator.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.location.ReplicaUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReplicaCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final String CHECKSUM = "sha256:" + "0f".repeat(32);

    private final ReplicaCodec codec = new ReplicaCodec(JsonMapper.builder().build());

    @Test
    void decodesWhatItEncodesWithHolderAndExpiryFromTheEntry() {
        ReplicaUpdate update = new ReplicaUpdate("10.0.0.1:6200", "http://10.0.0.1:6200", "10.0.0.1:6301", 4096L,
                NOW.minusSeconds(30), CHECKSUM, 300L);
        Entry entry = new Entry("f", update.holder(), codec.encode(update), NOW, NOW.plusSeconds(300));

        assertThat(codec.decode(entry)).contains(new Replica("10.0.0.1:6200", "http://10.0.0.1:6200",
                "10.0.0.1:6301", 4096, NOW.minusSeconds(30), CHECKSUM, NOW.plusSeconds(300)));
    }

    @Test
    void ignoresTombstonesAndValuesThatAreNotReplicas() {
        String invalidChecksum = "{\"httpAddress\":\"http://h:1\",\"udtAddress\":\"h:2\",\"size\":1,"
                + "\"mtime\":\"2026-11-22T03:00:00Z\",\"checksum\":\"none\"}";

        assertThat(codec.decode(Entry.tombstone("f", "h:1", NOW, NOW))).isEmpty();
        assertThat(codec.decode(new Entry("f", "h:1", "not json", NOW, NOW))).isEmpty();
        assertThat(codec.decode(new Entry("f", "h:1", "[1,2]", NOW, NOW))).isEmpty();
        assertThat(codec.decode(new Entry("f", "h:1", invalidChecksum, NOW, NOW))).isEmpty();
    }
}
