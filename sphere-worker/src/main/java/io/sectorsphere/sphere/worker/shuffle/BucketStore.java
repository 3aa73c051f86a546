package io.sectorsphere.sphere.worker.shuffle;

import io.sectorsphere.sphere.runtime.records.RecordIndex;
import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The buckets this worker owns: parts arrive from attempts anywhere and stream to disk, each kept
 * apart under its segment and attempt, so memory holds none of them however much is pending. Only
 * when the coordinator commits a bucket are the parts of the attempts it accepted joined, in segment
 * order, into the bucket's file, which then becomes a Sector file on this node's storage node.
 */
@Component
public class BucketStore {

    private final Path root;
    private final StorageGateway storage;
    private final LocalWorker local;
    private final Map<String, Long> committed = new ConcurrentHashMap<>();

    BucketStore(SphereProperties properties, StorageGateway storage, LocalWorker local) {
        this.root = properties.workDir().toAbsolutePath().normalize().resolve("buckets");
        this.storage = storage;
        this.local = local;
    }

    /** A part, accepted or not later: the data, or its record index. */
    public enum Part { DATA, INDEX }

    /** One attempt's part of a bucket, as the coordinator names it when committing. */
    public record PartId(int segment, int attempt) {
    }

    public void receive(String jobId, int stage, int bucket, PartId part, Part kind, InputStream body) throws IOException {
        Path target = partPath(jobId, stage, bucket, part, kind);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "incoming", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                body.transferTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Joins the accepted parts into the bucket's file and stores it as {@code name} (with a record
     * index when the parts had them). Committing a bucket again is a no-op.
     *
     * @param parts the accepted attempts in segment order; an attempt that sent nothing here had no
     *     records for this bucket
     * @return the bucket file's size
     */
    public long commit(String jobId, int stage, int bucket, List<PartId> parts, String name, String token)
            throws IOException {
        String key = jobId + "/" + stage + "/" + bucket;
        Long joinedBefore = committed.get(key);
        if (joinedBefore != null) {
            return joinedBefore;
        }
        Path directory = bucketDir(jobId, stage, bucket);
        Files.createDirectories(directory);
        Path joined = directory.resolve("joined");
        List<BucketParts.Part> accepted = parts.stream()
                .map(part -> new BucketParts.Part(partPath(jobId, stage, bucket, part, Part.DATA),
                        partPath(jobId, stage, bucket, part, Part.INDEX)))
                .toList();
        boolean indexed = BucketParts.join(accepted, joined);
        Path joinedIndex = RecordIndex.pathFor(joined);
        storage.upload(local.storageUrl(), name, joined, token);
        if (indexed) {
            storage.upload(local.storageUrl(), name + ".idx", joinedIndex, token);
        }
        long size = Files.size(joined);
        committed.put(key, size);
        FileSystemUtils.deleteRecursively(directory);
        return size;
    }

    /** Drops everything received for a job. */
    public void forgetJob(String jobId) throws IOException {
        committed.keySet().removeIf(key -> key.startsWith(jobId + "/"));
        FileSystemUtils.deleteRecursively(root.resolve(jobId));
    }

    private Path bucketDir(String jobId, int stage, int bucket) {
        return root.resolve(jobId).resolve(Integer.toString(stage)).resolve(Integer.toString(bucket));
    }

    private Path partPath(String jobId, int stage, int bucket, PartId part, Part kind) {
        return bucketDir(jobId, stage, bucket).resolve(String.format(Locale.ROOT, "%05d-%d.%s", part.segment(),
                part.attempt(), kind == Part.DATA ? "data" : "idx"));
    }
}
