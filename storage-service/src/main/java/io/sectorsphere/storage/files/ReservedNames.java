package io.sectorsphere.storage.files;

import io.sectorsphere.common.FileName;
import java.util.List;
import java.util.Set;

/**
 * Valid Sector names that a storage node still cannot store: a top-level segment starting with
 * {@value DataDirectory#RESERVED_PREFIX} is the node's own (its staging directory), and a last
 * segment {@code meta} or {@code records} names an operation on a file in the REST API
 * ({@code /api/v1/files/a.dat/meta}), so a file of that name could never be addressed.
 */
public final class ReservedNames {

    public static final String META = "meta";
    public static final String RECORDS = "records";
    private static final Set<String> OPERATIONS = Set.of(META, RECORDS);

    private ReservedNames() {
    }

    public static boolean isReserved(FileName name) {
        List<String> segments = name.segments();
        return segments.getFirst().startsWith(DataDirectory.RESERVED_PREFIX) || OPERATIONS.contains(segments.getLast());
    }

    /** @throws InvalidFileNameException if the name is reserved */
    public static FileName requireStorable(FileName name) {
        List<String> segments = name.segments();
        if (segments.getFirst().startsWith(DataDirectory.RESERVED_PREFIX)) {
            throw new InvalidFileNameException("names starting with '" + DataDirectory.RESERVED_PREFIX
                    + "' are reserved for the storage node");
        }
        if (OPERATIONS.contains(segments.getLast())) {
            throw new InvalidFileNameException("a name's last segment cannot be 'meta' or 'records': those "
                    + "name operations on a file in the API");
        }
        return name;
    }
}
