package io.sectorsphere.common.replication;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.FileName;
import java.util.regex.Pattern;

/**
 * Asks a storage node to copy a file (and its {@code .idx}, if the source has one) from another
 * node: the body of {@code POST /api/v1/replicas}, a write that needs the caller to be allowed.
 *
 * @param source the holder to copy from, as its HTTP address, e.g. {@code http://10.0.0.2:6200}
 * @param checksum the file's {@code sha256:<64 hex digits>}; the copy is kept only if it matches
 */
public record ReplicationRequest(String name, String source, String checksum) {

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    public ReplicationRequest {
        FileName.of(name);
        Addresses.requireHttpUrl("source", source);
        if (checksum == null || !SHA256.matcher(checksum).matches()) {
            throw new IllegalArgumentException("checksum is required, as sha256:<64 hex digits>");
        }
    }
}
