package io.sectorsphere.transfer.client;

import java.util.HexFormat;

/**
 * A file as a peer's agent describes it.
 *
 * @param size   bytes
 * @param sha256 lower-case hex
 */
public record RemoteFile(long size, String sha256) {

    static RemoteFile of(long size, byte[] digest) {
        return new RemoteFile(size, HexFormat.of().formatHex(digest));
    }
}
