package io.sectorsphere.common;

import java.util.regex.Pattern;

/** Checks file checksums written as {@code algorithm:hex}, for example {@code sha256:9f86d0...}. */
public final class Checksum {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}:[0-9a-fA-F]{8,128}");

    private Checksum() {
    }

    /** @throws IllegalArgumentException if {@code value} is not {@code algorithm:hex} */
    public static String requireValid(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            String shown = value == null ? "nothing" : "'" + Addresses.abbreviate(value) + "'";
            throw new IllegalArgumentException(
                    "a checksum is algorithm:hex such as sha256:<64 hex digits>, got " + shown);
        }
        return value;
    }
}
