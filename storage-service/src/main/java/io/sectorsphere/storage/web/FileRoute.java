package io.sectorsphere.storage.web;

import io.sectorsphere.common.FileName;
import io.sectorsphere.storage.files.InvalidFileNameException;
import io.sectorsphere.storage.files.ReservedNames;

/**
 * What a path under {@code /api/v1/files/} addresses: a file, or an operation on it when the last
 * segment is {@code meta} or {@code records} ({@code /api/v1/files/a/b.dat/meta}). That is why no
 * stored file may have such a last segment.
 */
record FileRoute(FileName name, Operation operation) {

    enum Operation { FILE, META, RECORDS }

    /**
     * @param captured the {@code {*path}} variable, which starts with the '/' after the route
     * @throws IllegalArgumentException if no valid name is addressed
     */
    static FileRoute parse(String captured) {
        String path = captured.startsWith("/") ? captured.substring(1) : captured;
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a file name is required: /api/v1/files/<name>");
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        Operation operation = switch (last) {
            case ReservedNames.META -> Operation.META;
            case ReservedNames.RECORDS -> Operation.RECORDS;
            default -> Operation.FILE;
        };
        if (operation == Operation.FILE) {
            return new FileRoute(FileName.of(path), operation);
        }
        if (slash < 0) {
            throw new IllegalArgumentException("'" + last + "' follows a file name: /api/v1/files/<name>/" + last);
        }
        return new FileRoute(FileName.of(path.substring(0, slash)), operation);
    }

    /** The file itself, for writes and deletes. */
    static FileName file(String captured) {
        FileRoute route = parse(captured);
        if (route.operation() != Operation.FILE) {
            throw new InvalidFileNameException("a name's last segment cannot be 'meta' or 'records': those name "
                    + "operations on a file in the API");
        }
        return route.name();
    }
}
