package io.sectorsphere.localcluster;

import io.sectorsphere.common.location.ReplicaUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Made-up but well-formed location records, for filling a ring in tests and demos. */
public final class SampleLocations {

    /** Long enough that no record expires during a test. */
    public static final long TTL_SECONDS = 3600;
    private static final Instant MTIME = Instant.parse("2026-11-22T03:00:00Z");

    private SampleLocations() {
    }

    /** A record for {@code name} held by a storage node at {@code holderHost} on the standard ports. */
    public static ReplicaUpdate of(String name, String holderHost) {
        return new ReplicaUpdate(holderHost + ":6200", "http://" + holderHost + ":6200", holderHost + ":6301",
                name.length() * 1024L, MTIME, "sha256:" + sha256(name), TTL_SECONDS);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
