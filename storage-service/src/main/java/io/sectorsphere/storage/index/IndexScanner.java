package io.sectorsphere.storage.index;

import io.sectorsphere.common.FileName;
import io.sectorsphere.storage.files.ChecksumAttribute;
import io.sectorsphere.storage.files.DataDirectory;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.files.NameLocks;
import io.sectorsphere.storage.files.ReservedNames;
import io.sectorsphere.storage.files.Staging;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the local index in line with the data directory: files copied in by hand are added (and
 * hashed in the background), files changed by hand are re-read, files removed by hand are dropped.
 * Symbolic links, reserved names and names that are not valid are left alone. Each change is
 * checked again under the name's lock, so an upload or delete that races the walk always wins.
 */
@Component
public class IndexScanner {

    private static final Logger log = LoggerFactory.getLogger(IndexScanner.class);

    /** What one scan changed. */
    public record ScanReport(int added, int changed, int removed, int ignored) {
    }

    private record Seen(Path path, long size, Instant mtime) {
    }

    private final DataDirectory directory;
    private final LocalIndex index;
    private final FileStore fileStore;
    private final NameLocks locks;
    private final Checksums checksums;
    private final Staging staging;

    IndexScanner(DataDirectory directory, LocalIndex index, FileStore fileStore, NameLocks locks,
                 Checksums checksums, Staging staging) {
        this.directory = directory;
        this.index = index;
        this.fileStore = fileStore;
        this.locks = locks;
        this.checksums = checksums;
        this.staging = staging;
    }

    public synchronized ScanReport scan() {
        Map<String, Seen> seen = new HashMap<>();
        int[] ignored = {0};
        walk(seen, ignored);
        int added = 0;
        int changed = 0;
        for (Map.Entry<String, Seen> entry : seen.entrySet()) {
            FileName name = FileName.of(entry.getKey());
            Seen file = entry.getValue();
            LocalFile known = index.get(name).orElse(null);
            if (known == null || !known.sameVersion(file.size(), file.mtime())) {
                if (reindex(name, file.path())) {
                    if (known == null) {
                        added++;
                    } else {
                        changed++;
                    }
                }
            }
        }
        int removed = 0;
        for (LocalFile file : List.copyOf(index.all())) {
            if (!seen.containsKey(file.name().value())) {
                fileStore.forgetIfGone(file.name());
                if (!index.contains(file.name())) {
                    removed++;
                }
            }
        }
        staging.sweep();
        ScanReport report = new ScanReport(added, changed, removed, ignored[0]);
        if (added + changed + removed > 0) {
            log.info("rescan of {}: {} added, {} changed, {} removed", directory.root(), added, changed, removed);
        }
        return report;
    }

    private void walk(Map<String, Seen> seen, int[] ignored) {
        try {
            Files.walkFileTree(directory.root(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(directory.staging()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    directory.nameOf(file).filter(name -> !ReservedNames.isReserved(name)).ifPresentOrElse(
                            name -> seen.put(name.value(), new Seen(file, attributes.size(),
                                    attributes.lastModifiedTime().toInstant())),
                            () -> ignored[0]++);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    log.debug("cannot read {} while scanning: {}", file, e.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("scan of {} failed: {}", directory.root(), e.toString());
        }
    }

    /** Indexes the file as it is now; false if it is gone or no longer a regular file. */
    private boolean reindex(FileName name, Path path) {
        LocalFile file = locks.withLock(name, () -> {
            try {
                BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!now.isRegularFile()) {
                    return null;
                }
                Instant mtime = now.lastModifiedTime().toInstant();
                LocalFile known = index.get(name).orElse(null);
                if (known != null && known.sameVersion(now.size(), mtime)) {
                    return known;
                }
                LocalFile found = new LocalFile(name, now.size(), mtime,
                        ChecksumAttribute.read(path, now.size(), mtime).orElse(null));
                index.put(found);
                return found;
            } catch (IOException e) {
                return null;
            }
        });
        if (file == null) {
            return false;
        }
        checksums.hashLater(file);
        return true;
    }
}
