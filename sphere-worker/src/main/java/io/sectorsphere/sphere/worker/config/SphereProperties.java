package io.sectorsphere.sphere.worker.config;

import io.sectorsphere.common.Addresses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code sector.sphere.*} settings; {@code application.yml} shows each with its default.
 *
 * @param advertisedHost     the host other workers and clients use for this one; null for
 *                           server.address or 127.0.0.1
 * @param storageUrl         the node's storage service, whose data directory this worker reads
 * @param locatorUrl         the node's locator, where the worker registers and finds the others
 * @param dataDir            that storage node's data directory (read directly, never written)
 * @param workDir            this worker's own directory: attempt output, received buckets, scratch
 * @param processingElements segments run at once; 0 for one per core
 */
@ConfigurationProperties("sector.sphere")
public record SphereProperties(String advertisedHost,
                               @DefaultValue("http://127.0.0.1:6200") String storageUrl,
                               @DefaultValue("http://127.0.0.1:6100") String locatorUrl,
                               @DefaultValue("./data") Path dataDir,
                               @DefaultValue("./sphere-work") Path workDir,
                               @DefaultValue("0") int processingElements,
                               @DefaultValue Segments segments,
                               @DefaultValue Elements elements,
                               @DefaultValue Coordination coordination,
                               @DefaultValue Speculation speculation,
                               @DefaultValue Security security) {

    public SphereProperties {
        advertisedHost = advertisedHost == null || advertisedHost.isBlank() ? null : advertisedHost.strip();
        Addresses.requireHttpUrl("sector.sphere.storage-url", storageUrl);
        Addresses.requireHttpUrl("sector.sphere.locator-url", locatorUrl);
        if (processingElements < 0) {
            throw new IllegalArgumentException("sector.sphere.processing-elements must not be negative");
        }
    }

    /** Processing elements, one per core unless configured. */
    public int effectiveProcessingElements() {
        return processingElements > 0 ? processingElements : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Segmentation: a segment is the input divided by the cluster's processing elements, clamped to
     * [min, max], on record boundaries, never crossing a file (Sphere's S_min and S_max).
     */
    public record Segments(@DefaultValue("1MB") DataSize min, @DefaultValue("256MB") DataSize max) {

        public Segments {
            if (min.toBytes() < 1 || max.toBytes() < min.toBytes()) {
                throw new IllegalArgumentException("sector.sphere.segments needs 1 <= min <= max");
            }
        }
    }

    /**
     * Processing elements: the child JVMs user functions run in, so that a function that throws,
     * hangs or exhausts memory fails its attempt only.
     *
     * @param heap         each child JVM's maximum heap
     * @param unitTimeout  a unit running longer fails its attempt, and the child is killed
     * @param jvmOptions   further options for the child JVMs
     */
    public record Elements(@DefaultValue("512MB") DataSize heap,
                           @DefaultValue("10m") Duration unitTimeout,
                           @DefaultValue({}) List<String> jvmOptions) {

        public Elements {
            if (heap.toMegabytes() < 32) {
                throw new IllegalArgumentException("sector.sphere.elements.heap must be at least 32MB");
            }
            requirePositive("elements.unit-timeout", unitTimeout);
        }
    }

    /**
     * Jobs this worker coordinates.
     *
     * @param maxAttempts      failed attempts of one segment before its job fails
     * @param maxParameters    the largest parameter text a stage may carry
     * @param pollInterval     how often running attempts are asked for their state
     * @param workerLostAfter  a worker that has not answered for this long is taken as lost
     * @param heartbeat        how often this worker registers with its locator
     * @param retained         finished jobs kept for GET, oldest forgotten first
     */
    public record Coordination(@DefaultValue("3") int maxAttempts,
                               @DefaultValue("64KB") DataSize maxParameters,
                               @DefaultValue("200ms") Duration pollInterval,
                               @DefaultValue("5s") Duration workerLostAfter,
                               @DefaultValue("5s") Duration heartbeat,
                               @DefaultValue("256") int retained) {

        public Coordination {
            if (maxAttempts < 1 || retained < 1) {
                throw new IllegalArgumentException("sector.sphere.coordination bounds must be positive");
            }
            requirePositive("coordination.poll-interval", pollInterval);
            requirePositive("coordination.worker-lost-after", workerLostAfter);
            requirePositive("coordination.heartbeat", heartbeat);
        }
    }

    /**
     * Straggler handling: near a stage's end, a segment running well past the median of its stage
     * gets a speculative copy elsewhere; the first to finish is kept.
     *
     * @param afterFraction the share of a stage's segments done before copies start
     * @param slowerThan    how many times the median run time a segment must exceed
     * @param minRuntime    no copy for a segment running less than this
     */
    public record Speculation(@DefaultValue("true") boolean enabled,
                              @DefaultValue("0.75") double afterFraction,
                              @DefaultValue("2.0") double slowerThan,
                              @DefaultValue("5s") Duration minRuntime) {
    }

    /**
     * Who may run jobs (Sector's EXEC permission): accounts by the SHA-256 of their bearer token.
     * Job output is written to the storage nodes with the submitter's token.
     */
    public record Security(@DefaultValue({}) List<Account> accounts) {
    }

    /** An account allowed to run jobs. */
    public record Account(String name, String tokenSha256) {

        public Account {
            if (name == null || name.isBlank() || tokenSha256 == null || !tokenSha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("a sector.sphere.security account needs a name and a token-sha256 "
                        + "of 64 hex digits");
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sector.sphere." + name + " must be positive");
        }
    }
}
