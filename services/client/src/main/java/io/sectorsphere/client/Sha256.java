package io.sectorsphere.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256, the checksum every Sector file record carries as {@code sha256:<hex>}. */
final class Sha256 {

    static final String PREFIX = "sha256:";
    private static final int BUFFER = 64 * 1024;

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Adds the first {@code length} bytes of {@code file} to {@code digest}. */
    static void update(MessageDigest digest, Path file, long length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(file + " is shorter than " + length + " bytes");
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
        }
    }

    static byte[] of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        update(digest, file, Files.size(file));
        return digest.digest();
    }

    /** {@code sha256:<hex>}, the form of file records. */
    static String checksum(byte[] sha256) {
        return PREFIX + HexFormat.of().formatHex(sha256);
    }

    /** The {@code Content-Digest} header value (RFC 9530) of content with this digest. */
    static String contentDigest(byte[] sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
    }
}
