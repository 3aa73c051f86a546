package io.sectorsphere.common;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A file's name in Sector: a relative path of {@code /}-separated segments, at most 255 bytes of
 * UTF-8, with no empty, {@code .} or {@code ..} segment and no control character, so that it maps
 * safely onto a storage node's data directory and onto a URL path.
 */
public record FileName(String value) {

    public static final int MAX_BYTES = 255;

    public FileName {
        Objects.requireNonNull(value, "value");
        requireValid(value);
    }

    /**
     * @throws IllegalArgumentException with a message for people if {@code value} is not a valid name
     */
    public static FileName of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a file name is required");
        }
        return new FileName(value);
    }

    /** The path segments, outermost first. */
    public List<String> segments() {
        return List.of(value.split("/"));
    }

    @Override
    public String toString() {
        return value;
    }

    private static void requireValid(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a file name must not be empty");
        }
        int bytes = utf8Length(value);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a file name is at most " + MAX_BYTES + " bytes of UTF-8, got " + bytes);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("a file name must not contain control characters");
            }
        }
        if (value.startsWith("/")) {
            throw new IllegalArgumentException("a file name is relative: it must not start with '/'");
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "a file name must not have an empty, '.' or '..' segment: '" + value + "'");
            }
        }
    }

    /** Byte length in UTF-8, rejecting unpaired surrogates, which have no UTF-8 form. */
    private static int utf8Length(String value) {
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value))
                    .remaining();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a file name must be valid Unicode", e);
        }
    }
}
