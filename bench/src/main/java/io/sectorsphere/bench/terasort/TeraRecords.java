package io.sectorsphere.bench.terasort;

import io.sectorsphere.sphere.operators.TeraChecksum;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Directories of Terasort records on the local disk, as Hadoop lays them out. */
final class TeraRecords {

    static final int RECORD_BYTES = 100;
    static final int KEY_BYTES = 10;

    private TeraRecords() {
    }

    /** The data files of a directory in name order; Hadoop skips names starting with {@code _} or {@code .}. */
    static List<Path> dataFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return Files.isRegularFile(file) && !name.startsWith("_") && !name.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** TeraGen's checksum (the CRC32 sum of every record) of the records in a directory's data files. */
    static String checksum(Path directory) {
        TeraChecksum checksum = new TeraChecksum();
        byte[] record = new byte[RECORD_BYTES];
        for (Path file : dataFiles(directory)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                int n;
                while ((n = in.readNBytes(record, 0, RECORD_BYTES)) == RECORD_BYTES) {
                    checksum.add(record, 0, RECORD_BYTES);
                }
                if (n != 0) {
                    throw new IllegalStateException(file + " does not hold whole 100-byte records");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return checksum.hex();
    }
}
