package io.sectorsphere.storage.config;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.security.CidrBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code sector.storage.*} settings; {@code application.yml} shows each with its default.
 *
 * @param dataDir the directory of whole files this node stores and serves
 * @param advertisedHost host other nodes use for this one; null for server.address or 127.0.0.1
 * @param locatorUrl the locator this node publishes to; null for the co-located one on port 6100
 * @param udtAddress the transfer agent's UDT address published with each file; null for port 6301
 * @param rescanInterval how often the data directory is scanned for files added or removed by hand
 * @param recordTtl lifetime of a published location record; records are refreshed every third of it
 * @param heartbeatInterval how often the node reports its status to the locator's node registry
 * @param capacity bytes this node may use for data; null for the file system's usable space less
 *     {@code reserve}
 * @param reserve space left free on the file system when no capacity is set
 */
@ConfigurationProperties("sector.storage")
public record StorageProperties(@DefaultValue("./data") Path dataDir,
                                String advertisedHost,
                                String locatorUrl,
                                String udtAddress,
                                @DefaultValue("10s") Duration rescanInterval,
                                @DefaultValue("5m") Duration recordTtl,
                                @DefaultValue("10s") Duration heartbeatInterval,
                                DataSize capacity,
                                @DefaultValue("1GB") DataSize reserve,
                                @DefaultValue Security security,
                                @DefaultValue Replication replication,
                                @DefaultValue Peers peers,
                                @DefaultValue Limits limits) {

    public StorageProperties {
        advertisedHost = blankToNull(advertisedHost);
        locatorUrl = blankToNull(locatorUrl);
        udtAddress = blankToNull(udtAddress);
        if (locatorUrl != null) {
            Addresses.requireHttpUrl("sector.storage.locator-url", locatorUrl);
        }
        if (udtAddress != null) {
            Addresses.requireHostPort("sector.storage.udt-address", udtAddress);
        }
        requirePositive("rescan-interval", rescanInterval);
        requirePositive("heartbeat-interval", heartbeatInterval);
        if (recordTtl.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("sector.storage.record-ttl must be at least 3s");
        }
        if (capacity != null && capacity.isNegative()) {
            throw new IllegalArgumentException("sector.storage.capacity must not be negative");
        }
        if (reserve.isNegative()) {
            throw new IllegalArgumentException("sector.storage.reserve must not be negative");
        }
    }

    /** Who may write: a client needs an allowed address and an account token; reads are open unless switched. */
    public record Security(@DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> writeAllow,
                           @DefaultValue List<Account> accounts,
                           @DefaultValue("false") boolean readRequiresToken) {

        public Security {
            writeAllow = writeAllow.stream().map(String::strip).filter(block -> !block.isEmpty()).toList();
            writeAllow.forEach(CidrBlock::parse);
            Set<String> names = new HashSet<>();
            for (Account account : accounts) {
                if (!names.add(account.name())) {
                    throw new IllegalArgumentException("sector.storage.security.accounts has two accounts named "
                            + account.name());
                }
            }
        }

        public List<CidrBlock> writeAllowBlocks() {
            return writeAllow.stream().map(CidrBlock::parse).toList();
        }
    }

    /**
     * An account that may write.
     *
     * @param tokenSha256 the hex SHA-256 of its bearer token, never the token itself
     */
    public record Account(String name, String tokenSha256) {

        public Account {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every sector.storage.security.accounts entry needs a name");
            }
            if (tokenSha256 == null || tokenSha256.length() != 64 || !isHex(tokenSha256)) {
                throw new IllegalArgumentException("account " + name
                        + ": token-sha256 must be the 64 hex digits of the token's SHA-256, not the token");
            }
            tokenSha256 = tokenSha256.toLowerCase();
        }

        private static boolean isHex(String value) {
            return value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
    }

    /**
     * Copies this node makes when asked ({@code POST /api/v1/replicas}).
     *
     * @param maxConcurrent copies running at once
     * @param maxQueued accepted copies waiting for a slot; beyond that requests are refused with 503
     */
    public record Replication(@DefaultValue("2") int maxConcurrent, @DefaultValue("256") int maxQueued) {

        public Replication {
            if (maxConcurrent < 1 || maxQueued < 0) {
                throw new IllegalArgumentException(
                        "sector.storage.replication.max-concurrent must be positive, max-queued not negative");
            }
        }
    }

    /**
     * Calls to other nodes: the locator, other storage nodes for redirects, proxying, replication.
     *
     * @param rttTtl how long a measured round-trip time to a holder is trusted before it is measured again
     */
    public record Peers(@DefaultValue("1s") Duration connectTimeout,
                        @DefaultValue("5s") Duration readTimeout,
                        @DefaultValue("1s") Duration rttProbeTimeout,
                        @DefaultValue("1m") Duration rttTtl) {

        public Peers {
            requirePositive("peers.connect-timeout", connectTimeout);
            requirePositive("peers.read-timeout", readTimeout);
            requirePositive("peers.rtt-probe-timeout", rttProbeTimeout);
            requirePositive("peers.rtt-ttl", rttTtl);
        }
    }

    /**
     * Bounds of single requests.
     *
     * @param maxListing most names in one listing page
     * @param maxRecordBatch most bytes of records in one JSON answer of {@code /records}
     */
    public record Limits(@DefaultValue("10000") int maxListing, @DefaultValue("8MB") DataSize maxRecordBatch) {

        public Limits {
            if (maxListing < 1 || maxRecordBatch.toBytes() < 1) {
                throw new IllegalArgumentException("sector.storage.limits must be positive");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sector.storage." + name + " must be positive");
        }
    }
}
