package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Files in the data directory: a staged file is moved into place atomically (a file is visible
 * complete or not at all), deleted files take their empty directories with them, and reads open
 * only regular files that resolve inside the data directory. Every change updates the local index
 * under the name's lock.
 */
@Component
public class FileStore {

    /** A file moved into place; {@code replaced} if it took the place of an existing one. */
    public record Commit(LocalFile file, boolean replaced) {
    }

    /** Attempts of a commit whose new parent directory a concurrent delete pruned meanwhile. */
    private static final int COMMIT_ATTEMPTS = 3;

    private final DataDirectory directory;
    private final LocalIndex index;
    private final NameLocks locks;

    FileStore(DataDirectory directory, LocalIndex index, NameLocks locks) {
        this.directory = directory;
        this.index = index;
        this.locks = locks;
    }

    /**
     * Moves a finished staged file into place as {@code name} and indexes it.
     *
     * @throws FileConflictException if {@code name} exists and {@code overwrite} is false, or the
     *     name collides with a directory, or a file stands where it needs a directory
     */
    public Commit commit(StagedFile staged, FileName name, boolean overwrite) {
        Path target = directory.pathOf(name);
        return locks.withLock(name, () -> {
            try {
                boolean replaced = requireFree(name, target, overwrite);
                BasicFileAttributes attributes = Files.readAttributes(staged.path(), BasicFileAttributes.class);
                Instant mtime = attributes.lastModifiedTime().toInstant();
                ChecksumAttribute.write(staged.path(), attributes.size(), mtime, staged.sha256());
                moveIntoPlace(staged.path(), target);
                LocalFile file = new LocalFile(name, attributes.size(), mtime, staged.sha256());
                index.put(file);
                return new Commit(file, replaced);
            } catch (IOException e) {
                throw StagedFile.diskFailure(e);
            }
        });
    }

    /** Whether a file (or anything else) stands at {@code name}'s path now. */
    public boolean exists(FileName name) {
        return Files.exists(directory.pathOf(name), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes the file {@code name} if it is here and drops it from the index.
     *
     * @return whether this node held the file
     */
    public boolean delete(FileName name) {
        Path target = directory.pathOf(name);
        return locks.withLock(name, () -> {
            boolean deleted = false;
            try {
                if (DataDirectory.isRegularFile(target)) {
                    deleted = Files.deleteIfExists(target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + name, e);
            }
            boolean indexed = index.remove(name).isPresent();
            if (deleted) {
                pruneEmptyParents(target.getParent());
            }
            return deleted || indexed;
        });
    }

    /**
     * Opens the file {@code file} describes, if the index still holds exactly that version: under
     * the name's lock, so a concurrent replacement cannot pair one version's record with another's
     * bytes.
     *
     * @return empty if the file was replaced or removed meanwhile (a gone file is dropped from the index)
     */
    public Optional<FileChannel> openIfCurrent(LocalFile file) {
        Path path = directory.pathOf(file.name());
        return locks.withLock(file.name(), () -> {
            if (!index.get(file.name()).map(file::equals).orElse(false)) {
                return Optional.<FileChannel>empty();
            }
            try {
                if (!directory.resolvesInside(path.getParent())) {
                    return Optional.<FileChannel>empty();
                }
                return Optional.of(FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException e) {
                index.remove(file.name());
                return Optional.<FileChannel>empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + file.name(), e);
            }
        });
    }

    /** Drops {@code name} from the index if its file is no longer there. */
    public void forgetIfGone(FileName name) {
        Path path = directory.pathOf(name);
        locks.withLock(name, () -> {
            if (!DataDirectory.isRegularFile(path)) {
                index.remove(name);
            }
            return null;
        });
    }

    /** @return whether a file of that name exists (and may be replaced) */
    private boolean requireFree(FileName name, Path target, boolean overwrite) {
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            if (!DataDirectory.isRegularFile(target)) {
                throw new FileConflictException("'" + name + "' is a directory or special file on this node");
            }
            if (!overwrite) {
                throw new FileConflictException("'" + name + "' exists; upload with overwrite=true to replace it");
            }
        }
        for (Path ancestor = target.getParent(); !ancestor.equals(directory.root()); ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(ancestor)) {
                throw new FileConflictException("'" + directory.root().relativize(ancestor)
                        + "' is a file on this node, so it cannot hold '" + name + "'");
            }
        }
        return exists;
    }

    private void moveIntoPlace(Path staged, Path target) throws IOException {
        Path parent = target.getParent();
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(parent);
            if (!directory.resolvesInside(parent)) {
                throw new FileConflictException("the directory of '" + directory.root().relativize(target)
                        + "' leads outside the data directory");
            }
            try {
                // rename(2): atomic, and replaces an existing file in one step.
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                break;
            } catch (NoSuchFileException e) {
                if (attempt >= COMMIT_ATTEMPTS || !Files.exists(staged)) {
                    throw e;
                }
            }
        }
        syncDirectory(parent);
    }

    /** Makes the rename itself durable, not only the file's bytes. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to sync a directory; the rename is still atomic.
        }
    }

    private void pruneEmptyParents(Path from) {
        for (Path dir = from; dir != null && dir.startsWith(directory.root()) && !dir.equals(directory.root());
             dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return; // not empty (the usual case), or gone already
            }
        }
    }
}
