package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import io.sectorsphere.storage.config.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The data directory and the one mapping between file names and paths inside it.
 *
 * <p>A name's segments become nested directories. {@link FileName} already excludes empty, "." and
 * ".." segments, control characters and absolute names; on top of that the top-level segments
 * starting with {@value #RESERVED_PREFIX} belong to the node (its staging directory lives there),
 * every path is checked to stay under the root, and paths read or written through a hand-made
 * symbolic link are refused when they resolve outside the root.
 */
@Component
public class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    public static final String RESERVED_PREFIX = ".sector-";
    static final String STAGING = RESERVED_PREFIX + "staging";

    private final Path root;
    private final Path staging;
    /** Whether file names reach the file system as UTF-8; if not, only ASCII names map one to one. */
    private final boolean unicodeNames;

    DataDirectory(StorageProperties properties) {
        try {
            Path configured = properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(configured);
            this.root = configured.toRealPath();
            this.staging = Files.createDirectories(root.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + properties.dataDir(), e);
        }
        String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
        this.unicodeNames = Charset.isSupported(jnu) && Charset.forName(jnu).equals(StandardCharsets.UTF_8);
        if (!unicodeNames) {
            log.warn("file names are encoded as {}, not UTF-8: only ASCII names can be stored (run with a UTF-8 "
                    + "locale such as LANG=C.UTF-8)", jnu);
        }
    }

    public Path root() {
        return root;
    }

    public Path staging() {
        return staging;
    }

    /**
     * The path of {@code name} inside the data directory.
     *
     * @throws InvalidFileNameException if the name is reserved or cannot be stored on this node
     */
    public Path pathOf(FileName name) {
        List<String> segments = name.segments();
        if (segments.getFirst().startsWith(RESERVED_PREFIX)) {
            throw new InvalidFileNameException("names starting with '" + RESERVED_PREFIX + "' are reserved");
        }
        if (!unicodeNames && !name.value().chars().allMatch(c -> c < 128)) {
            throw new InvalidFileNameException("this node stores only ASCII names: its JVM does not use UTF-8 "
                    + "for file names");
        }
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        // Cannot fail for a valid FileName; kept so that no future change of the name rules escapes.
        if (!path.normalize().startsWith(root) || path.equals(root)) {
            throw new InvalidFileNameException("'" + name + "' does not map inside the data directory");
        }
        return path;
    }

    /**
     * The name a file found in the data directory has, if it has one that maps back to exactly
     * that path: not in the staging area, a valid name, and bytes that survive decoding.
     */
    public Optional<FileName> nameOf(Path file) {
        if (!file.startsWith(root) || file.startsWith(staging) || file.equals(root)) {
            return Optional.empty();
        }
        String relative = root.relativize(file).toString();
        try {
            FileName name = FileName.of(relative);
            // Path equality compares the bytes on disk: a name that was not valid UTF-8 maps elsewhere.
            return pathOf(name).equals(file) ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code path} — which must exist — resolves, through any symbolic links, to a place
     * inside the data directory.
     */
    public boolean resolvesInside(Path path) throws IOException {
        return path.toRealPath().startsWith(root);
    }

    /** Whether {@code path} is a regular file, not following a final symbolic link. */
    public static boolean isRegularFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }
}
