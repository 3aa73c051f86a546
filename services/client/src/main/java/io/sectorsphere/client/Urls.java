package io.sectorsphere.client;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The URLs of the REST API; file names go into them only through here. */
final class Urls {

    private Urls() {
    }

    /** {@code path} (starting with {@code /}, already encoded) below {@code base} (no trailing slash). */
    static URI at(URI base, String path) {
        return URI.create(base.toString() + path);
    }

    /**
     * The path of {@code name} below {@code prefix}, each segment percent-encoded.
     *
     * @throws BadRequestException if {@code name} is not a valid file name; no request is made
     */
    static String filePath(String prefix, String name) {
        FileName valid;
        try {
            valid = FileName.of(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), 0);
        }
        return prefix + FileNamePaths.encode(valid);
    }

    /** A query parameter value, percent-encoded (a space as {@code %20}, not {@code +}). */
    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One path segment, such as a job id, percent-encoded like a query value (a {@code /} too). */
    static String pathSegment(String value) {
        return queryValue(value);
    }
}
