package io.sectorsphere.localcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code cluster.json} a running local cluster leaves in its state directory, so that scripts
 * and other commands can find its endpoints and write to it.
 *
 * @param pid the process the cluster runs in
 * @param token this run's write token (the nodes know only its SHA-256); the file is readable by
 *     its owner only
 */
public record ClusterDescriptor(long pid, Instant startedAt, String token, List<NodeEndpoints> nodes) {

    public static final String FILE_NAME = "cluster.json";

    public ClusterDescriptor {
        nodes = List.copyOf(nodes);
    }

    private static JsonMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /**
     * Writes the file atomically, so a reader never sees half of it, and (where the file system
     * has POSIX permissions) readable by its owner only, since it holds the token.
     */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(FILE_NAME);
            // A temporary file is created rw------- on POSIX file systems; the move keeps that.
            Path partial = Files.createTempFile(directory, FILE_NAME, ".partial");
            try {
                Files.writeString(partial, mapper().writeValueAsString(this) + "\n");
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(FILE_NAME), e);
        }
    }

    /** Keeps the token out of logs and error messages. */
    @Override
    public String toString() {
        return "ClusterDescriptor[pid=" + pid + ", startedAt=" + startedAt + ", token=***, nodes=" + nodes + "]";
    }

    public static ClusterDescriptor readFrom(Path file) {
        try {
            return mapper().readValue(Files.readString(file), ClusterDescriptor.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
