package io.sectorsphere.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A run's temporary directory under the benchmark's work directory ({@code bench/target/work/<bench>-*}),
 * deleted by {@link #close}. It holds a {@code pid} file, so a later run can remove the directory of
 * a run that was killed before it could clean up, and never that of one still running.
 */
public final class Workspace implements AutoCloseable {

    private final Path root;
    private final AtomicInteger scratchFiles = new AtomicInteger();

    private Workspace(Path root) {
        this.root = root;
    }

    /** @param bench the benchmark's name, the directory's prefix ({@code http}, {@code terasort}) */
    public static Workspace create(Path workDirectory, String bench) {
        String prefix = bench + "-";
        try {
            Files.createDirectories(workDirectory);
            removeAbandoned(workDirectory, prefix);
            Path root = Files.createTempDirectory(workDirectory, prefix);
            Files.writeString(root.resolve("pid"), Long.toString(ProcessHandle.current().pid()));
            return new Workspace(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + workDirectory, e);
        }
    }

    public Path root() {
        return root;
    }

    /** A new, empty directory for one case. */
    public Path directory(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh file name for a command's captured output. */
    public Path scratch() {
        return root.resolve("out-" + scratchFiles.incrementAndGet());
    }

    /** Deletes a directory tree inside this workspace. */
    public void delete(Path directory) {
        deleteTree(directory);
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    private static void removeAbandoned(Path workDirectory, String prefix) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(workDirectory, prefix + "*")) {
            for (Path run : runs) {
                Path pid = run.resolve("pid");
                try {
                    long owner = Long.parseLong(Files.readString(pid).strip());
                    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (IOException | NumberFormatException e) {
                    // No readable owner: abandoned, or a run that is only now being created.
                    if (Files.getLastModifiedTime(run).toMillis() > System.currentTimeMillis() - 60_000) {
                        continue;
                    }
                }
                deleteTree(run);
            }
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("bench: cannot delete " + path + ": " + e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: cannot delete " + directory + ": " + e);
        }
    }
}
