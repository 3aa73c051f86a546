package io.sectorsphere.locator.nodes;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.common.Addresses;
import io.sectorsphere.locator.ring.LocalNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Members of the cluster as soft state on the ring: each member's status is one JSON entry under a
 * reserved name, with the member's address as source, living until its time-to-live runs out unless
 * the member refreshes it. One name keeps the whole registry on one owner (and its successors), so
 * listing it costs one ring read.
 *
 * @param <T> the status a member reports
 */
abstract class SoftStateRegistry<T> {

    private static final Logger log = LoggerFactory.getLogger(SoftStateRegistry.class);

    private final String entryName;
    private final Class<T> type;
    private final Function<T, String> address;
    private final LocalNode localNode;
    private final JsonMapper json;
    private final Duration maxTtl;
    private final Clock clock;

    SoftStateRegistry(String entryName, Class<T> type, Function<T, String> address, LocalNode localNode,
                      JsonMapper json, Duration maxTtl, Clock clock) {
        this.entryName = entryName;
        this.type = type;
        this.address = address;
        this.localNode = localNode;
        this.json = json;
        this.maxTtl = maxTtl;
        this.clock = clock;
    }

    /** Stores or refreshes a member's status for {@code ttl}. */
    void store(T status, Duration ttl) {
        if (ttl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("ttlSeconds is at most " + maxTtl.toSeconds());
        }
        Instant now = clock.instant();
        localNode.require().write(new Entry(entryName, address.apply(status), json.writeValueAsString(status),
                now, now.plus(ttl)));
    }

    /**
     * Removes a member. The removal is remembered for the longest time-to-live a status can have, so
     * that a replica which missed it cannot bring the member back.
     */
    public void remove(String memberAddress) {
        requireKey(memberAddress);
        Instant now = clock.instant();
        localNode.require().write(Entry.tombstone(entryName, memberAddress, now, now.plus(maxTtl)));
    }

    /** Checks a member's key before a removal: an address unless a registry says otherwise. */
    void requireKey(String key) {
        Addresses.requireHostPort("address", key);
    }

    /**
     * The live members, by address.
     *
     * @throws LookupFailedException if the ring could not be asked
     */
    public List<T> live() {
        return localNode.require().read(entryName).entries().stream()
                .flatMap(entry -> decode(entry).stream())
                .sorted(Comparator.comparing(address))
                .toList();
    }

    /** The status an entry holds, or empty if a peer stored something else under the name. */
    private Optional<T> decode(Entry entry) {
        try {
            T status = json.readValue(entry.value(), type);
            if (!address.apply(status).equals(entry.source())) {
                return unreadable(entry, "it describes " + address.apply(status));
            }
            return Optional.of(status);
        } catch (JacksonException e) {
            return unreadable(entry, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return unreadable(entry, e.getMessage());
        }
    }

    private Optional<T> unreadable(Entry entry, String reason) {
        log.warn("ignoring an unreadable {} status from {}: {}", type.getSimpleName(), entry.source(), reason);
        return Optional.empty();
    }
}
