package io.sectorsphere.storage.replication;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.replication.ReplicationRequest;
import io.sectorsphere.common.replication.ReplicationTicket;
import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.files.FileConflictException;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.files.ReservedNames;
import io.sectorsphere.storage.index.Checksums;
import io.sectorsphere.storage.metrics.StorageMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Replica copies this node is asked to make (pull model): accepted at once, run in the background
 * at most {@code replication.max-concurrent} at a time. A request for a file already here with the
 * same checksum, or already being copied, changes nothing.
 */
@Service
public class Replicator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Replicator.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ReplicaFetcher fetcher;
    private final LocalIndex index;
    private final Checksums checksums;
    private final StorageMetrics metrics;
    private final ThreadPoolExecutor executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Replicator(ReplicaFetcher fetcher, LocalIndex index, Checksums checksums, StorageMetrics metrics,
               StorageProperties properties) {
        this.fetcher = fetcher;
        this.index = index;
        this.checksums = checksums;
        this.metrics = metrics;
        int threads = properties.replication().maxConcurrent();
        int queued = properties.replication().maxQueued();
        BlockingQueue<Runnable> queue = queued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queued);
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue,
                Thread.ofPlatform().name("storage-replica-", 0).daemon().factory());
        // Started now, not by a request, so no thread carries a request's class loader.
        this.executor.prestartAllCoreThreads();
    }

    /**
     * @param authorization the requester's credentials, presented to the source when reading from it
     * @throws FileConflictException if this node holds another version of the file
     * @throws ReplicationBusyException if no more copies can be queued now
     */
    public ReplicationTicket request(ReplicationRequest request, String authorization) {
        FileName name = ReservedNames.requireStorable(FileName.of(request.name()));
        String sha256 = request.checksum().substring("sha256:".length()).toLowerCase();
        Optional<LocalFile> local = index.get(name).flatMap(checksums::ensure);
        if (local.isPresent()) {
            if (local.get().sha256().equals(sha256)) {
                return new ReplicationTicket(name.value(), ReplicationTicket.State.PRESENT);
            }
            throw new FileConflictException("this node holds another version of '" + name + "' ("
                    + local.get().checksum() + ")");
        }
        if (!inFlight.add(name.value())) {
            return new ReplicationTicket(name.value(), ReplicationTicket.State.IN_PROGRESS);
        }
        try {
            executor.execute(() -> copy(name, request.source(), sha256, authorization));
        } catch (RejectedExecutionException e) {
            inFlight.remove(name.value());
            throw new ReplicationBusyException("this node has " + executor.getQueue().size()
                    + " replica copies waiting; retry later");
        }
        return new ReplicationTicket(name.value(), ReplicationTicket.State.QUEUED);
    }

    /** Names being copied or waiting to be, in name order. */
    public List<String> inFlight() {
        return inFlight.stream().sorted().toList();
    }

    @Override
    public void start() {
        // Copies are accepted from construction on; nothing to start.
    }

    /** Interrupts running copies (their staged files are deleted) before the web server stops. */
    @Override
    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return !executor.isShutdown();
    }

    private void copy(FileName name, String source, String sha256, String authorization) {
        try {
            if (fetcher.fetch(name, source, sha256, authorization)) {
                metrics.replication("copied");
                log.info("replicated {} from {}", name, source);
            }
        } catch (ReplicaFetcher.ChecksumMismatchException e) {
            metrics.replication("mismatch");
            log.warn("replica of {} from {} discarded: {}", name, source, e.getMessage());
        } catch (RuntimeException e) {
            metrics.replication("failed");
            log.warn("replica of {} from {} failed: {}", name, source, e.getMessage());
        } finally {
            inFlight.remove(name.value());
        }
    }
}
