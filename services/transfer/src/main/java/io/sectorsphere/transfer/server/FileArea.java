package io.sectorsphere.transfer.server;

import io.sectorsphere.common.FileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A node's data directory as the transfer agent sees it, with the storage node's layout: a file
 * name's segments are nested directories under the root. Pushed files are staged in a directory
 * of the agent's own ({@value #STAGING}, reserved like every top-level {@code .sector-} name) and
 * appear under their name only when complete and verified, by a link that fails rather than
 * replace a file already there.
 */
public final class FileArea {

    public static final String RESERVED_PREFIX = ".sector-";
    public static final String STAGING = RESERVED_PREFIX + "transfer-staging";

    private final Path root;
    private final Path staging;

    /** Opens {@code root}, creating it and the staging directory, and removes files staged by a previous run. */
    public FileArea(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
            this.staging = Files.createDirectories(this.root.resolve(STAGING));
            try (Stream<Path> leftovers = Files.list(staging)) {
                for (Path leftover : leftovers.toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path staging() {
        return staging;
    }

    /**
     * Where {@code name} lives.
     *
     * @throws IllegalArgumentException if the name is invalid or reserved
     */
    public Path pathOf(String name) {
        FileName valid = FileName.of(name);
        if (valid.segments().getFirst().startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("names starting with '" + RESERVED_PREFIX + "' are reserved");
        }
        Path path = root;
        for (String segment : valid.segments()) {
            path = path.resolve(segment);
        }
        return path;
    }

    /**
     * The regular file stored as {@code name}, if there is one and it resolves inside the data
     * directory (a hand-made symbolic link must not serve files from elsewhere).
     */
    public Path existing(String name) throws IOException {
        Path path = pathOf(name);
        if (!Files.isRegularFile(path) || !path.toRealPath().startsWith(root)) {
            return null;
        }
        return path;
    }

    /** A new, empty file in the staging directory. */
    public Path newStagedFile() throws IOException {
        return Files.createTempFile(staging, "push-", ".part");
    }

    /**
     * Moves the complete, verified {@code staged} file to {@code name}'s place in one step.
     *
     * @throws FileAlreadyExistsException if a file of that name appeared meanwhile; {@code staged} is then left
     */
    public Path publish(Path staged, String name) throws IOException {
        Path target = pathOf(name);
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, staged);
            Files.delete(staged);
        } catch (UnsupportedOperationException e) {
            // No hard links here: a rename is atomic too, but would replace a file that appeared meanwhile.
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}
