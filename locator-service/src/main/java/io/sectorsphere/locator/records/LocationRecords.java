package io.sectorsphere.locator.records;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.chord.LookupResult;
import io.sectorsphere.chord.ReadResult;
import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.FileName;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.PublishReceipt;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.ring.LocalNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * File-location records as soft state on the ring: each holder of a file publishes its own entry
 * under the file's name, which lives until its time-to-live runs out unless the holder refreshes it.
 */
@Service
public class LocationRecords {

    private record Published(Instant updatedAt, Replica replica) {
    }

    private final LocalNode localNode;
    private final ReplicaCodec codec;
    private final LookupMetrics metrics;
    private final LocatorProperties.Records limits;
    private final Clock clock;

    LocationRecords(LocalNode localNode, ReplicaCodec codec, LookupMetrics metrics, LocatorProperties properties,
                    Clock clock) {
        this.localNode = localNode;
        this.codec = codec;
        this.metrics = metrics;
        this.limits = properties.records();
        this.clock = clock;
    }

    /** Stores or refreshes one holder's record of a file on the file's owner. */
    public PublishReceipt publish(FileName name, ReplicaUpdate update) {
        Duration ttl = ttl(update.ttlSeconds());
        String value = codec.encode(update);
        if (value.getBytes(StandardCharsets.UTF_8).length > limits.maxRecordBytes().toBytes()) {
            throw new RecordTooLargeException(limits.maxRecordBytes().toBytes());
        }
        Instant now = clock.instant();
        LookupResult stored = localNode.require().write(new Entry(name.value(), update.holder(), value, now,
                now.plus(ttl)));
        return new PublishReceipt(name.value(), stored.owner().address(), stored.hops());
    }

    /**
     * Removes one holder's record of a file. The removal is remembered for the longest time-to-live a
     * record can have, so that a replica which missed it cannot bring the record back.
     */
    public void withdraw(FileName name, String holder) {
        Addresses.requireHostPort("holder", holder);
        Instant now = clock.instant();
        localNode.require().write(Entry.tombstone(name.value(), holder, now, now.plus(limits.maxTtl())));
    }

    /**
     * @throws FileNotLocatedException if no holder has a live record of the file
     * @throws LookupFailedException if the ring could not be asked
     */
    public FileLocation locate(FileName name) {
        ReadResult read;
        try {
            read = localNode.require().read(name.value());
        } catch (LookupFailedException e) {
            metrics.failed();
            throw e;
        }
        List<Published> published = read.entries().stream()
                .flatMap(entry -> codec.decode(entry).map(replica -> new Published(entry.updatedAt(), replica))
                        .stream())
                .toList();
        if (published.isEmpty()) {
            metrics.notFound(read.hops());
            throw new FileNotLocatedException(name, read.hops());
        }
        Replica newest = published.stream().max(Comparator.comparing(Published::updatedAt)).orElseThrow().replica();
        List<Replica> replicas = published.stream().map(Published::replica)
                .sorted(Comparator.comparing(Replica::holder))
                .toList();
        metrics.found(read.hops());
        return new FileLocation(name.value(), newest.size(), newest.mtime(), newest.checksum(), replicas,
                read.answeredBy().address(), read.hops());
    }

    /**
     * The live replicas of the files whose records this node owns, by file name: what the replica
     * check counts. Empty while this node is not a ring member or does not know its range.
     */
    public Map<String, List<Replica>> owned() {
        Instant now = clock.instant();
        Map<String, List<Replica>> byName = new HashMap<>();
        for (Entry entry : localNode.get().map(ChordNode::owned).orElse(List.of())) {
            if (EntryNames.isReserved(entry.name()) || entry.isTombstone() || entry.isExpiredAt(now)) {
                continue;
            }
            codec.decode(entry).ifPresent(replica ->
                    byName.computeIfAbsent(entry.name(), name -> new ArrayList<>()).add(replica));
        }
        return byName;
    }

    private Duration ttl(Long ttlSeconds) {
        if (ttlSeconds == null) {
            return limits.defaultTtl();
        }
        Duration ttl = Duration.ofSeconds(ttlSeconds);
        if (ttl.compareTo(limits.maxTtl()) > 0) {
            throw new IllegalArgumentException("ttlSeconds is at most " + limits.maxTtl().toSeconds());
        }
        return ttl;
    }
}
