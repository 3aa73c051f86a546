package io.sectorsphere.storage.upload;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 an uploader declares for its content, from RFC 9530's {@code Content-Digest} or
 * {@code Repr-Digest} ({@code sha-256=:<base64>:}, other algorithms ignored) or Sector's own
 * {@code X-Sector-Checksum: sha256:<hex>}. Headers that disagree, or a malformed sha-256 value,
 * are a bad request.
 */
public final class DeclaredDigest {

    public static final String CONTENT_DIGEST = "Content-Digest";
    public static final String REPR_DIGEST = "Repr-Digest";
    public static final String SECTOR_CHECKSUM = "X-Sector-Checksum";

    private static final Pattern MEMBER = Pattern.compile("\\s*([a-z][a-z0-9_.*-]*)\\s*=\\s*:([A-Za-z0-9+/=]*):\\s*(;.*)?");
    private static final Pattern SECTOR = Pattern.compile("sha256:([0-9a-fA-F]{64})");
    private static final int SHA256_BYTES = 32;

    private DeclaredDigest() {
    }

    /**
     * @return the declared SHA-256 as lowercase hex, if any header declares one
     * @throws IllegalArgumentException if a header is malformed or two disagree
     */
    public static Optional<String> sha256(String contentDigest, String reprDigest, String sectorChecksum) {
        String found = null;
        for (String header : new String[] {contentDigest, reprDigest}) {
            if (header != null) {
                found = agree(found, fromStructuredField(header));
            }
        }
        if (sectorChecksum != null) {
            Matcher matcher = SECTOR.matcher(sectorChecksum.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(SECTOR_CHECKSUM + " must be sha256:<64 hex digits>");
            }
            found = agree(found, matcher.group(1).toLowerCase());
        }
        return Optional.ofNullable(found);
    }

    /** The sha-256 member of an RFC 9530 dictionary, or null if it has none. */
    private static String fromStructuredField(String header) {
        for (String member : header.split(",")) {
            Matcher matcher = MEMBER.matcher(member);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("a digest header is a list of algorithm=:base64: entries, got '"
                        + abbreviate(header) + "'");
            }
            if (matcher.group(1).equals("sha-256")) {
                byte[] digest;
                try {
                    digest = Base64.getDecoder().decode(matcher.group(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the sha-256 digest is not valid base64", e);
                }
                if (digest.length != SHA256_BYTES) {
                    throw new IllegalArgumentException("a sha-256 digest is 32 bytes, got " + digest.length);
                }
                return HexFormat.of().formatHex(digest);
            }
        }
        return null;
    }

    private static String agree(String found, String next) {
        if (next == null) {
            return found;
        }
        if (found != null && !found.equals(next)) {
            throw new IllegalArgumentException("the digest headers declare different SHA-256 values");
        }
        return next;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
