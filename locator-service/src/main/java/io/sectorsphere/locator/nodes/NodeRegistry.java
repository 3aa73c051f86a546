package io.sectorsphere.locator.nodes;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.ring.LocalNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage nodes of the cluster as soft state on the ring: each node's status is one entry under
 * the reserved name {@link EntryNames#NODE_REGISTRY}, with the node's address as source, living
 * until its time-to-live runs out unless the node refreshes it. One name keeps the whole registry on
 * one owner (and its successors), so listing it costs one ring read.
 */
@Service
public class NodeRegistry {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);

    private final LocalNode localNode;
    private final JsonMapper json;
    private final Duration maxTtl;
    private final Clock clock;

    NodeRegistry(LocalNode localNode, JsonMapper json, LocatorProperties properties, Clock clock) {
        this.localNode = localNode;
        this.json = json;
        this.maxTtl = properties.records().maxTtl();
        this.clock = clock;
    }

    /** Stores or refreshes a node's status for its {@code ttlSeconds}. */
    public void register(NodeStatus status) {
        Duration ttl = Duration.ofSeconds(status.ttlSeconds());
        if (ttl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("ttlSeconds is at most " + maxTtl.toSeconds());
        }
        Instant now = clock.instant();
        localNode.require().write(new Entry(EntryNames.NODE_REGISTRY, status.address(),
                json.writeValueAsString(status), now, now.plus(ttl)));
    }

    /**
     * Removes a node. The removal is remembered for the longest time-to-live a status can have, so
     * that a replica which missed it cannot bring the node back.
     */
    public void remove(String address) {
        Addresses.requireHostPort("address", address);
        Instant now = clock.instant();
        localNode.require().write(Entry.tombstone(EntryNames.NODE_REGISTRY, address, now, now.plus(maxTtl)));
    }

    /**
     * The live nodes, by address.
     *
     * @throws LookupFailedException if the ring could not be asked
     */
    public List<NodeStatus> live() {
        return localNode.require().read(EntryNames.NODE_REGISTRY).entries().stream()
                .flatMap(entry -> decode(entry).stream())
                .sorted(Comparator.comparing(NodeStatus::address))
                .toList();
    }

    /** The status an entry holds, or empty if a peer stored something else under the name. */
    private Optional<NodeStatus> decode(Entry entry) {
        try {
            NodeStatus status = json.readValue(entry.value(), NodeStatus.class);
            if (!status.address().equals(entry.source())) {
                return unreadable(entry, "it describes " + status.address());
            }
            return Optional.of(status);
        } catch (JacksonException e) {
            return unreadable(entry, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return unreadable(entry, e.getMessage());
        }
    }

    private static Optional<NodeStatus> unreadable(Entry entry, String reason) {
        log.warn("ignoring an unreadable node status from {}: {}", entry.source(), reason);
        return Optional.empty();
    }
}
