package io.sectorsphere.storage.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hidden staging directory inside the data directory, where files are written before they are
 * renamed into place. On the same file system as the data, so the rename is atomic; never indexed;
 * swept at start and at every rescan of whatever no running write owns.
 */
@Component
public class Staging {

    private static final Logger log = LoggerFactory.getLogger(Staging.class);

    private final Path directory;
    private final Set<Path> active = ConcurrentHashMap.newKeySet();

    Staging(DataDirectory dataDirectory) {
        this.directory = dataDirectory.staging();
    }

    /** A new empty staged file, written against {@code reservation}. */
    public StagedFile create(Capacity.Reservation reservation) {
        Path path = directory.resolve(UUID.randomUUID() + ".part");
        active.add(path);
        try {
            return new StagedFile(path, reservation, this);
        } catch (RuntimeException e) {
            release(path);
            throw e;
        }
    }

    /** Deletes every staged file that no running write owns; returns how many. */
    public int sweep() {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (!active.contains(entry) && deleteQuietly(entry)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("cannot sweep the staging directory {}: {}", directory, e.toString());
        }
        if (removed > 0) {
            log.info("removed {} abandoned staged files", removed);
        }
        return removed;
    }

    /** Staged files currently being written. */
    public int activeCount() {
        return active.size();
    }

    /** Forgets a staged file and deletes it if it is still there (it is not after a commit). */
    void release(Path path) {
        deleteQuietly(path);
        active.remove(path);
    }

    private static boolean deleteQuietly(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete staged file " + path, e);
        }
    }
}
