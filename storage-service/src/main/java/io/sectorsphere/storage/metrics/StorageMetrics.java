package io.sectorsphere.storage.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sectorsphere.storage.files.Capacity;
import io.sectorsphere.storage.files.LocalIndex;
import org.springframework.stereotype.Component;

/**
 * The storage node's numbers, {@code sector.storage.*}: bytes served and stored, files held, free
 * space, and refused uploads, replicas and remote reads by low-cardinality tags (never a file name).
 */
@Component
public class StorageMetrics {

    /** Why an upload was refused; the tag values of {@code sector.storage.uploads.rejected}. */
    public enum Rejection {
        ADDRESS, TOKEN, NAME, EXISTS, CAPACITY, DIGEST, INCOMPLETE;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;
    private final Counter read;
    private final Counter written;

    StorageMetrics(MeterRegistry registry, LocalIndex index, Capacity capacity) {
        this.registry = registry;
        read = Counter.builder("sector.storage.read").baseUnit("bytes")
                .description("File bytes this node sent from its data directory").register(registry);
        written = Counter.builder("sector.storage.written").baseUnit("bytes")
                .description("File bytes this node stored, by uploads and replication").register(registry);
        Gauge.builder("sector.storage.files", index, LocalIndex::fileCount)
                .description("Files held by this node, record indexes not counted").register(registry);
        Gauge.builder("sector.storage.free", capacity, Capacity::freeBytes).baseUnit("bytes")
                .description("Bytes this node may still store").register(registry);
        Gauge.builder("sector.storage.capacity", capacity, Capacity::capacityBytes).baseUnit("bytes")
                .description("Bytes this node may use for data in all").register(registry);
        for (Rejection reason : Rejection.values()) {
            rejection(reason);
        }
    }

    public void read(long bytes) {
        read.increment(bytes);
    }

    public void written(long bytes) {
        written.increment(bytes);
    }

    public void uploadRejected(Rejection reason) {
        rejection(reason).increment();
    }

    /** A read of a file held elsewhere, answered by {@code mode}: redirect, proxy or not_found. */
    public void remoteRead(String mode) {
        Counter.builder("sector.storage.remote.reads").tag("mode", mode)
                .description("Reads of files this node does not hold, by how they were answered")
                .register(registry).increment();
    }

    /** A replica copy ended with {@code outcome}: copied, mismatch or failed. */
    public void replication(String outcome) {
        Counter.builder("sector.storage.replications").tag("outcome", outcome)
                .description("Replica copies this node made when asked, by outcome")
                .register(registry).increment();
    }

    private Counter rejection(Rejection reason) {
        return Counter.builder("sector.storage.uploads.rejected").tag("reason", reason.tag())
                .description("Uploads refused, by reason; nothing of them was stored")
                .register(registry);
    }
}
