package io.sectorsphere.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Account tokens: random bearer secrets of 256 bits. Nodes keep only each token's SHA-256, which is
 * enough for secrets this long (no salt or slow hash needed: nothing to guess), and compare in
 * constant time.
 */
public final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private AccessTokens() {
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lowercase hex SHA-256 of the token's UTF-8 bytes: what a node's configuration holds. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /**
     * Whether {@code token} hashes to {@code expectedSha256Hex}, compared in time independent of
     * where they differ.
     */
    public static boolean matches(String token, String expectedSha256Hex) {
        if (token == null || expectedSha256Hex == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(expectedSha256Hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(token), expected);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
