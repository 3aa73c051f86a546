package io.sectorsphere.bench.udt;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of the module jars on a class path (those in a build's {@code target} directory),
 * for the JVMs a long benchmark starts: the work tree is shared, and a module rebuilt half-way
 * through a run would otherwise hand the next flow a half-written jar. Jars from the Maven
 * repository do not change and are used in place.
 */
final class ClassPathSnapshot implements AutoCloseable {

    private final Path directory;
    private final String classPath;

    private ClassPathSnapshot(Path directory, String classPath) {
        this.directory = directory;
        this.classPath = classPath;
    }

    static ClassPathSnapshot of(String classPath) throws IOException {
        Path directory = Files.createTempDirectory("sector-bench-udt-");
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            boolean built = path.getParent() != null && path.getParent().endsWith("target");
            if (entry.endsWith(".jar") && built && Files.isRegularFile(path)) {
                // Numbered so that equal file names from different modules cannot collide.
                Path copy = directory.resolve(index++ + "-" + path.getFileName());
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return new ClassPathSnapshot(directory, String.join(File.pathSeparator, entries));
    }

    String classPath() {
        return classPath;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
