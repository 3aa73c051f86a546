package io.sectorsphere.common;

import java.nio.charset.StandardCharsets;

/**
 * A file name as the path of a URL: each segment percent-encoded (everything but RFC 3986's
 * unreserved characters), joined by {@code /}. Servers reject an encoded slash, and a {@code ;}
 * would start path parameters, so names must never be put into URLs any other way.
 */
public final class FileNamePaths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileNamePaths() {
    }

    /** For example {@code data/été 1.csv} → {@code data/%C3%A9t%C3%A9%201.csv}. */
    public static String encode(FileName name) {
        StringBuilder out = new StringBuilder(name.value().length() + 16);
        for (byte b : name.value().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
