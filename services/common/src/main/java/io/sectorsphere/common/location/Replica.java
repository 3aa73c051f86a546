package io.sectorsphere.common.location;

import java.time.Instant;

/**
 * One holder's copy of a file as the ring knows it.
 *
 * @param expiresAt when the record lapses unless the holder refreshes it
 */
public record Replica(String holder, String httpAddress, String udtAddress, long size, Instant mtime,
                      String checksum, Instant expiresAt) {
}
