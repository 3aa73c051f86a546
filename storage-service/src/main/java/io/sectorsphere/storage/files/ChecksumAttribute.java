package io.sectorsphere.storage.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file's SHA-256 kept beside it in an extended attribute ({@code user.sector.sha256}), so that a
 * restarted node does not hash its whole data directory again. The value names the size and mtime
 * it was computed for and is ignored once either changes. Best effort: on file systems without
 * user attributes checksums are simply recomputed.
 */
public final class ChecksumAttribute {

    private static final String NAME = "sector.sha256";
    private static final Pattern VALUE = Pattern.compile("(\\d+):(-?\\d+):(-?\\d+):([0-9a-f]{64})");

    private ChecksumAttribute() {
    }

    /** The checksum stored for exactly this size and mtime, if any. */
    public static Optional<String> read(Path file, long size, Instant mtime) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            if (view == null || !view.list().contains(NAME)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.allocate(view.size(NAME));
            view.read(NAME, buffer);
            var matcher = VALUE.matcher(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
            if (matcher.matches() && Long.parseLong(matcher.group(1)) == size
                    && Long.parseLong(matcher.group(2)) == mtime.getEpochSecond()
                    && Long.parseLong(matcher.group(3)) == mtime.getNano()) {
                return Optional.of(matcher.group(4));
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stores the checksum for this size and mtime; quietly does nothing where attributes are unsupported. */
    public static void write(Path file, long size, Instant mtime, String sha256) {
        try {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            if (view != null) {
                String value = size + ":" + mtime.getEpochSecond() + ":" + mtime.getNano() + ":" + sha256;
                view.write(NAME, StandardCharsets.US_ASCII.encode(value));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not kept; the checksum is computed again after a restart.
        }
    }
}
