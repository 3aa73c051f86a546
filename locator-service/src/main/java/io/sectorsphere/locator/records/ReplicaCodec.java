package io.sectorsphere.locator.records;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.location.ReplicaUpdate;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replica as the value of a ring entry. The entry itself carries the file name (its name), the
 * holder (its source) and the lifetime, so the value holds only the rest, as JSON.
 */
@Component
class ReplicaCodec {

    private static final Logger log = LoggerFactory.getLogger(ReplicaCodec.class);

    /** The stored form; field names are the wire format between locators of different versions. */
    record StoredReplica(String httpAddress, String udtAddress, Long size, Instant mtime, String checksum) {
    }

    private final JsonMapper json;

    ReplicaCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(ReplicaUpdate update) {
        return json.writeValueAsString(new StoredReplica(update.httpAddress(), update.udtAddress(), update.size(),
                update.mtime(), update.checksum()));
    }

    /** The replica an entry describes, or empty if its value is not one (a peer stored garbage). */
    Optional<Replica> decode(Entry entry) {
        if (entry.isTombstone()) {
            return Optional.empty();
        }
        try {
            StoredReplica stored = json.readValue(entry.value(), StoredReplica.class);
            // Checks the stored fields exactly as a published update is checked.
            new ReplicaUpdate(entry.source(), stored.httpAddress(), stored.udtAddress(), stored.size(),
                    stored.mtime(), stored.checksum(), null);
            return Optional.of(new Replica(entry.source(), stored.httpAddress(), stored.udtAddress(), stored.size(),
                    stored.mtime(), stored.checksum(), entry.expiresAt()));
        } catch (JacksonException e) {
            return unreadable(entry, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return unreadable(entry, e.getMessage());
        }
    }

    private static Optional<Replica> unreadable(Entry entry, String reason) {
        log.warn("ignoring an unreadable location entry of {} from {}: {}", entry.name(), entry.source(), reason);
        return Optional.empty();
    }
}
