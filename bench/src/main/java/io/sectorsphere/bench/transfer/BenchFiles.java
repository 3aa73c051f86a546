package io.sectorsphere.bench.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/** Work directories, test files and secrets of the transfer cases, under {@code bench/target/work}. */
public final class BenchFiles {

    private static final int BLOCK = 4 << 20;

    private final Path root;

    private BenchFiles(Path root) {
        this.root = root;
    }

    public static BenchFiles under(Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            return new BenchFiles(Files.createTempDirectory(workDirectory, "transfer-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + workDirectory, e);
        }
    }

    public Path directory(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /** Writes {@code size} pseudo-random bytes (4 MiB blocks, each different) and returns their SHA-256 in hex. */
    public String randomFile(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest sha256 = sha256();
        byte[] block = new byte[BLOCK];
        Random random = new Random(size);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; ) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, size - written);
                sha256.update(block, 0, n);
                ByteBuffer buffer = ByteBuffer.wrap(block, 0, n);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                written += n;
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A cluster secret for tickets: 32 random bytes, base64. */
    public String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("bench: could not remove " + directory + ": " + e);
        }
    }

    /** Removes everything this run wrote. */
    public void close() {
        delete(root);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
