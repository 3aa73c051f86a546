package io.sectorsphere.storage.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from a {@code Range: bytes=...} header (RFC 9110 §14). Only a single
 * range is honoured: a header with several, or one that does not parse, is ignored and the whole
 * file is sent, as the RFC allows. A range that starts beyond the end is unsatisfiable (416).
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*", Pattern.CASE_INSENSITIVE);

    /** The outcome of reading a Range header against a file of some length. */
    public sealed interface Request permits Whole, Partial, Unsatisfiable {
    }

    /** No usable range: send the whole file. */
    public record Whole() implements Request {
    }

    public record Partial(ByteRange range) implements Request {
    }

    public record Unsatisfiable() implements Request {
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for this range of a file of {@code size} bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    public static Request of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher matcher = SINGLE.matcher(header);
        if (!matcher.matches()) {
            return new Whole();
        }
        Optional<Long> first = number(matcher.group(1));
        Optional<Long> last = number(matcher.group(2));
        if (first.isEmpty() && last.isEmpty()) {
            return new Whole();
        }
        if (first.isEmpty()) {
            long suffix = last.get();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new Whole();
        }
        if (first.get() >= size) {
            return new Unsatisfiable();
        }
        long end = last.map(value -> Math.min(value, size - 1)).orElse(size - 1);
        return new Partial(new ByteRange(first.get(), end));
    }

    /** Digits that overflow a long are a position beyond any file. */
    private static Optional<Long> number(String digits) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.of(Long.MAX_VALUE);
        }
    }
}
