package io.sectorsphere.storage.index;

import io.sectorsphere.storage.files.ChecksumAttribute;
import io.sectorsphere.storage.files.DataDirectory;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * SHA-256 of files that arrived without one (copied into the data directory by hand): computed in
 * the background after a rescan finds them, or at once when a request needs it first. Uploads and
 * replicas never come here; they are hashed as they are written.
 */
@Component
public class Checksums implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Checksums.class);
    private static final int BUFFER = 256 * 1024;

    private final DataDirectory directory;
    private final LocalIndex index;
    /** One thread: hashing is disk-bound, and one pass at a time reads sequentially. */
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), Thread.ofPlatform().name("storage-hasher").daemon().factory());
    private final ConcurrentHashMap<String, CompletableFuture<Optional<LocalFile>>> running =
            new ConcurrentHashMap<>();

    Checksums(DataDirectory directory, LocalIndex index) {
        this.directory = directory;
        this.index = index;
        background.prestartAllCoreThreads();
    }

    /**
     * The file's record with its checksum, computed now if not yet known.
     *
     * @return empty if the file changed or disappeared while it was hashed
     */
    public Optional<LocalFile> ensure(LocalFile file) {
        if (file.sha256() != null) {
            return Optional.of(file);
        }
        return start(file, Runnable::run).join();
    }

    /** Hashes the file in the background; the index announces it once done. */
    public void hashLater(LocalFile file) {
        if (file.sha256() == null) {
            try {
                start(file, background);
            } catch (RejectedExecutionException e) {
                // Shutting down; the next start rescans and hashes again.
            }
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private CompletableFuture<Optional<LocalFile>> start(LocalFile file, Executor executor) {
        String key = file.name().value();
        CompletableFuture<Optional<LocalFile>> created = new CompletableFuture<>();
        CompletableFuture<Optional<LocalFile>> existing = running.putIfAbsent(key, created);
        if (existing != null) {
            return existing;
        }
        try {
            executor.execute(() -> {
                try {
                    created.complete(compute(file));
                } catch (RuntimeException e) {
                    created.completeExceptionally(e);
                } finally {
                    running.remove(key, created);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(key, created);
            throw e;
        }
        return created;
    }

    private Optional<LocalFile> compute(LocalFile file) {
        Path path = directory.pathOf(file.name());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!file.sameVersion(before.size(), before.lastModifiedTime().toInstant())) {
                return Optional.empty();
            }
            String sha256 = digest(channel);
            BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Instant mtime = after.lastModifiedTime().toInstant();
            if (!file.sameVersion(after.size(), mtime)) {
                return Optional.empty();
            }
            ChecksumAttribute.write(path, file.size(), mtime, sha256);
            return index.recordChecksum(file.name(), file.size(), mtime, sha256);
        } catch (IOException e) {
            log.info("cannot hash {}: {}", file.name(), e.toString());
            return Optional.empty();
        }
    }

    private static String digest(FileChannel channel) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            sha256.update(buffer);
            buffer.clear();
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
