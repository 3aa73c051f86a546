package io.sectorsphere.sphere.api;

/**
 * How records are found in a file: by its {@code .idx} record index, by a fixed size, or as
 * newline-terminated lines (so text files need no index).
 */
public record RecordFormat(Kind kind, int size) {

    public enum Kind { INDEX, FIXED, LINES }

    public RecordFormat {
        if (kind == null) {
            throw new IllegalArgumentException("record format kind is required");
        }
        if (kind == Kind.FIXED ? size <= 0 : size != 0) {
            throw new IllegalArgumentException(kind == Kind.FIXED
                    ? "a fixed record size must be positive, not " + size
                    : "only fixed records have a size");
        }
    }

    public static RecordFormat index() {
        return new RecordFormat(Kind.INDEX, 0);
    }

    public static RecordFormat fixed(int size) {
        return new RecordFormat(Kind.FIXED, size);
    }

    public static RecordFormat lines() {
        return new RecordFormat(Kind.LINES, 0);
    }

    /** Parses {@code index}, {@code lines} or {@code fixed:N}. */
    public static RecordFormat parse(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("index")) {
            return index();
        }
        if (value.equals("lines")) {
            return lines();
        }
        if (value.startsWith("fixed:")) {
            try {
                return fixed(Integer.parseInt(value.substring("fixed:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a record size: " + text);
            }
        }
        throw new IllegalArgumentException("record format must be index, lines or fixed:N, not " + text);
    }

    @Override
    public String toString() {
        return kind == Kind.FIXED ? "fixed:" + size : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
