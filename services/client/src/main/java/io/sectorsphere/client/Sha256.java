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
    /** Large reads: hashing a file to upload is read-bound only below about 1 MiB a read. */
    private static final int BUFFER = 1 << 20;

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static byte[] of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
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
