package io.sectorsphere.transfer.multisource;

import io.sectorsphere.transfer.client.ByteRateLimiter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * One file to download from several replicas.
 *
 * @param name     the Sector file name
 * @param ticket   a read ticket for the whole file, valid at every source (they share the cluster secret)
 * @param size     its size in bytes
 * @param sha256   its expected SHA-256, lower-case hex
 * @param sources  the replicas, at least one
 * @param staging  the directory for the file while incomplete
 * @param publish  moves the complete, verified file into place
 * @param limiter  caps the download's rate over all sources together
 * @param progress told of every piece written, in bytes (a resumed prefix first, at once)
 * @param partial  where the download keeps its bytes while incomplete, so that an interrupted one can be
 *                 resumed (a {@code LOCAL-FILE.part}): whatever prefix it holds is kept and only the rest
 *                 fetched, and a failure leaves the whole prefix written there; null for a staging file
 *                 that is removed on failure
 */
public record DownloadRequest(String name, String ticket, long size, String sha256, List<Source> sources,
                              Path staging, Publish publish, ByteRateLimiter limiter, LongConsumer progress,
                              Path partial) {

    /** Puts a complete, verified file in its place and says where that is. */
    @FunctionalInterface
    public interface Publish {
        Path moveIntoPlace(Path verified) throws IOException;
    }

    /** A download that starts over each time: nothing is kept of a failed one. */
    public DownloadRequest(String name, String ticket, long size, String sha256, List<Source> sources, Path staging,
                           Publish publish, ByteRateLimiter limiter, LongConsumer progress) {
        this(name, ticket, size, sha256, sources, staging, publish, limiter, progress, null);
    }

    public DownloadRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(progress, "progress");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a download needs at least one source");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }
}
