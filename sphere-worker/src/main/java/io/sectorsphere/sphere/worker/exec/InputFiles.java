package io.sectorsphere.sphere.worker.exec;

import io.sectorsphere.sphere.runtime.records.RecordIndex;
import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds an attempt's input on this node's disk, or fetches the file (with its record index) from a
 * holder into the job's directory once, for every attempt of the job here that needs it.
 */
final class InputFiles {

    /** Where an attempt reads its input, and whether that is the storage node's own copy. */
    record Resolved(Path file, boolean local) {
    }

    private final Path dataDir;
    private final StorageGateway storage;
    private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();

    InputFiles(Path dataDir, StorageGateway storage) {
        this.dataDir = dataDir;
        this.storage = storage;
    }

    Resolved resolve(String name, long size, boolean withIndex, List<String> holderUrls, Path jobDir) throws IOException {
        Path local = dataDir.resolve(name).normalize();
        if (local.startsWith(dataDir) && Files.isRegularFile(local) && Files.size(local) == size
                && (!withIndex || Files.isRegularFile(RecordIndex.pathFor(local)))) {
            return new Resolved(local, true);
        }
        Path copy = jobDir.resolve("inputs").resolve(digest(name)).resolve("data");
        synchronized (locks.computeIfAbsent(copy, key -> new Object())) {
            if (!Files.isRegularFile(copy)) {
                Files.createDirectories(copy.getParent());
                fetch(name, withIndex, holderUrls, copy);
            }
        }
        return new Resolved(copy, false);
    }

    /** A JAR named in Sector, fetched once per job. */
    Path jar(String name, List<String> storageUrls, Path jobDir) throws IOException {
        Path copy = jobDir.resolve("jars").resolve(digest(name) + ".jar");
        synchronized (locks.computeIfAbsent(copy, key -> new Object())) {
            if (!Files.isRegularFile(copy)) {
                Files.createDirectories(copy.getParent());
                fetch(name, false, storageUrls, copy);
            }
        }
        return copy;
    }

    private void fetch(String name, boolean withIndex, List<String> holderUrls, Path copy) throws IOException {
        IOException last = new IOException("no storage node holds " + name);
        for (String holder : holderUrls) {
            try {
                if (withIndex) {
                    storage.download(holder, name + ".idx", RecordIndex.pathFor(copy));
                }
                storage.download(holder, name, copy);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
