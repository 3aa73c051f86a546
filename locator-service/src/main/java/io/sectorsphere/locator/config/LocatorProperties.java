package io.sectorsphere.locator.config;

import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.common.Addresses;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code sector.locator.*} settings; {@code application.yml} shows each with its default.
 *
 * @param advertisedHost host other nodes use for this one; null for server.address or 127.0.0.1
 * @param join seeds as {@code host:port}; empty to start a new ring
 * @param leaveOnShutdown hand over records on shutdown rather than just stopping
 */
@ConfigurationProperties("sector.locator")
public record LocatorProperties(String advertisedHost, @DefaultValue List<String> join,
                                @DefaultValue("true") boolean leaveOnShutdown,
                                @DefaultValue Ring ring, @DefaultValue Records records,
                                @DefaultValue Replication replication) {

    public LocatorProperties {
        advertisedHost = advertisedHost == null || advertisedHost.isBlank() ? null : advertisedHost.strip();
        join = join.stream().map(String::strip).filter(seed -> !seed.isEmpty())
                .map(seed -> Addresses.requireHostPort("sector.locator.join entry", seed)).toList();
    }

    /**
     * The ring protocol's sizes, periods and timeouts.
     *
     * @param membershipView keep a view of every member, gossip it every {@code gossipInterval}, and
     *     send lookups straight to the owner it predicts; false routes every lookup through the ring
     */
    public record Ring(@DefaultValue("8") int successorListLength,
                       @DefaultValue("1") int synchronousReplicas,
                       @DefaultValue("64") int maxLookupHops,
                       @DefaultValue("1000000") int maxEntries,
                       @DefaultValue("true") boolean membershipView,
                       @DefaultValue("500ms") Duration stabilizeInterval,
                       @DefaultValue("1s") Duration checkPredecessorInterval,
                       @DefaultValue("2s") Duration fixFingersInterval,
                       @DefaultValue("1s") Duration replicateInterval,
                       @DefaultValue("5s") Duration expireInterval,
                       @DefaultValue("500ms") Duration gossipInterval,
                       @DefaultValue("1s") Duration joinRetryInterval,
                       @DefaultValue("1s") Duration rpcConnectTimeout,
                       @DefaultValue("2s") Duration rpcReadTimeout) {

        public Ring {
            requirePositive("ring.stabilize-interval", stabilizeInterval);
            requirePositive("ring.check-predecessor-interval", checkPredecessorInterval);
            requirePositive("ring.fix-fingers-interval", fixFingersInterval);
            requirePositive("ring.replicate-interval", replicateInterval);
            requirePositive("ring.expire-interval", expireInterval);
            requirePositive("ring.gossip-interval", gossipInterval);
            requirePositive("ring.join-retry-interval", joinRetryInterval);
            requirePositive("ring.rpc-connect-timeout", rpcConnectTimeout);
            requirePositive("ring.rpc-read-timeout", rpcReadTimeout);
            // Fails startup with ChordSettings' own message when the sizes do not fit together.
            new ChordSettings(successorListLength, synchronousReplicas, maxLookupHops, maxEntries, membershipView);
        }

        public ChordSettings chordSettings() {
            return new ChordSettings(successorListLength, synchronousReplicas, maxLookupHops, maxEntries,
                    membershipView);
        }
    }

    /** Limits of the location records holders publish, and of the statuses storage nodes report. */
    public record Records(@DefaultValue("5m") Duration defaultTtl,
                          @DefaultValue("1h") Duration maxTtl,
                          @DefaultValue("16KB") DataSize maxRecordBytes) {

        public Records {
            requirePositive("records.default-ttl", defaultTtl);
            requirePositive("records.max-ttl", maxTtl);
            if (defaultTtl.compareTo(maxTtl) > 0) {
                throw new IllegalArgumentException("sector.locator.records.default-ttl must not exceed max-ttl");
            }
            if (maxRecordBytes.toBytes() < 1024 || maxRecordBytes.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sector.locator.records.max-record-bytes must lie in [1KB, 2GB)");
            }
        }
    }

    /**
     * The owner-side replica check (Sector: "the locator that owns a file's record sees its replica
     * count"). The paper checked once a day; the default hour heals a lost copy sooner at the cost of
     * one pass over this node's own records, and tests use seconds.
     *
     * @param minCopies live replicas below which a file gets another copy
     * @param checkInterval time between two checks of this node's records
     * @param token bearer token this locator presents to storage nodes when it asks for a copy; without
     *     one the check still counts under-replicated files but asks for nothing
     * @param requestTimeout a copy request to a storage node that does not answer costs at most this
     * @param copyTimeout how long a requested copy may take to appear in the records before it is
     *     requested again; unset, twice check-interval, so a lost request is retried by the round after next
     */
    public record Replication(@DefaultValue("2") int minCopies,
                              @DefaultValue("1h") Duration checkInterval,
                              String token,
                              @DefaultValue("10s") Duration requestTimeout,
                              Duration copyTimeout) {

        public Replication {
            if (minCopies < 1) {
                throw new IllegalArgumentException("sector.locator.replication.min-copies must be at least 1");
            }
            requirePositive("replication.check-interval", checkInterval);
            requirePositive("replication.request-timeout", requestTimeout);
            token = token == null || token.isBlank() ? null : token.strip();
            copyTimeout = copyTimeout == null ? checkInterval.multipliedBy(2) : copyTimeout;
            requirePositive("replication.copy-timeout", copyTimeout);
        }

        /** Keeps the token out of logs and error messages. */
        @Override
        public String toString() {
            return "Replication[minCopies=" + minCopies + ", checkInterval=" + checkInterval + ", token="
                    + (token == null ? "none" : "***") + ", requestTimeout=" + requestTimeout + ", copyTimeout="
                    + copyTimeout + "]";
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sector.locator." + name + " must be positive");
        }
    }
}
