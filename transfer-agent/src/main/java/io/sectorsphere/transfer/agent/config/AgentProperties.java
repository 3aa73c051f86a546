package io.sectorsphere.transfer.agent.config;

import io.sectorsphere.common.security.CidrBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code sector.transfer.*} settings; {@code application.yml} shows each with its default.
 *
 * @param dataDir        the node's data directory, the storage node's layout
 * @param advertisedHost the host other agents use for this one; null for server.address or 127.0.0.1
 * @param dataPort       the data port, the same number for TCP and UDP ({@code 0}: ephemeral, UDP on TCP's number)
 * @param secret         the cluster secret tickets are signed with, at least 32 bytes, the same on every node
 * @param ticketTtl      lifetime of the tickets this agent signs for its own jobs
 */
@ConfigurationProperties("sector.transfer")
public record AgentProperties(@DefaultValue("./data") Path dataDir,
                              String advertisedHost,
                              @DefaultValue("6301") int dataPort,
                              String secret,
                              @DefaultValue("10m") Duration ticketTtl,
                              @DefaultValue Tcp tcp,
                              @DefaultValue Udt udt,
                              @DefaultValue Choice choice,
                              @DefaultValue Cache cache,
                              @DefaultValue Jobs jobs,
                              @DefaultValue Security security) {

    public AgentProperties {
        advertisedHost = advertisedHost == null || advertisedHost.isBlank() ? null : advertisedHost.strip();
        if (dataPort < 0 || dataPort > 65535) {
            throw new IllegalArgumentException("sector.transfer.data-port must be within [0, 65535]");
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("sector.transfer.secret must be set, at least 32 bytes, and the same "
                    + "on every node (head -c 32 /dev/urandom | base64)");
        }
        requirePositive("ticket-ttl", ticketTtl);
    }

    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** TCP data connections: how long to wait for a connection and for the peer's next bytes. */
    public record Tcp(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

        public Tcp {
            requirePositive("tcp.connect-timeout", connectTimeout);
            requirePositive("tcp.read-timeout", readTimeout);
        }
    }

    /**
     * UDT data connections.
     *
     * @param enabled            false: TCP only, even when the engine is there
     * @param congestionControl  the default controller, a name the engine knows; null for the engine's default
     * @param mss                maximum segment size, IP and UDP headers included
     * @param memoryBudget       direct memory one connection may hold per direction; the flow window
     *                           and buffers are as many packets as it holds (48 MB: 34192 packets
     *                           at MSS 1500, two bandwidth-delay products of 1 Gb/s at 200 ms). A
     *                           connection holds only what it has in flight or unread, so on a
     *                           short or slow path it uses a fraction of this
     * @param windowPackets      flow window and buffers in packets instead, 0 to follow the budget
     */
    public record Udt(@DefaultValue("true") boolean enabled,
                      String congestionControl,
                      @DefaultValue("1500") int mss,
                      @DefaultValue("48MB") DataSize memoryBudget,
                      @DefaultValue("0") int windowPackets) {

        public Udt {
            if (windowPackets != 0 && windowPackets < 32) {
                throw new IllegalArgumentException("sector.transfer.udt.window-packets must be 0 (follow the memory budget) or at least 32");
            }
            if (memoryBudget.toBytes() < 1L << 20) {
                throw new IllegalArgumentException("sector.transfer.udt.memory-budget must be at least 1MB");
            }
        }
    }

    /**
     * Transport choice per path when a job does not fix one: UDT above either threshold.
     *
     * @param udtAboveRtt  round-trip time beyond which UDT is used
     * @param udtAboveLoss packet loss rate beyond which UDT is used
     */
    public record Choice(@DefaultValue("5ms") Duration udtAboveRtt, @DefaultValue("0") double udtAboveLoss) {
    }

    /** Idle data connections kept for reuse between this node and its peers. */
    public record Cache(@DefaultValue("4") int maxIdlePerPeer,
                        @DefaultValue("64") int maxIdleTotal,
                        @DefaultValue("1m") Duration idleTimeout) {

        public Cache {
            if (maxIdlePerPeer < 0 || maxIdleTotal < 0) {
                throw new IllegalArgumentException("sector.transfer.cache bounds must not be negative");
            }
        }
    }

    /**
     * Transfer jobs.
     *
     * @param maxRunning       jobs running at once; more wait in order
     * @param maxQueued        jobs waiting; beyond that submissions are refused with 503
     * @param filesInParallel  files of one job moved at once
     * @param retained         finished jobs kept for GET, oldest forgotten first
     */
    public record Jobs(@DefaultValue("4") int maxRunning,
                       @DefaultValue("64") int maxQueued,
                       @DefaultValue("4") int filesInParallel,
                       @DefaultValue("256") int retained) {

        public Jobs {
            if (maxRunning < 1 || maxQueued < 0 || filesInParallel < 1 || retained < 1) {
                throw new IllegalArgumentException("sector.transfer.jobs bounds must be positive");
            }
        }
    }

    /** Who may submit jobs: a job moves files between nodes with tickets this agent signs itself. */
    public record Security(@DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> jobsAllow) {

        public Security {
            jobsAllow = jobsAllow.stream().map(String::strip).filter(block -> !block.isEmpty()).toList();
            jobsAllow.forEach(CidrBlock::parse);
        }

        public List<CidrBlock> jobsAllowBlocks() {
            return jobsAllow.stream().map(CidrBlock::parse).toList();
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sector.transfer." + name + " must be positive");
        }
    }
}
