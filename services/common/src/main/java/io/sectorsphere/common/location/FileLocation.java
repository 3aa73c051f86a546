package io.sectorsphere.common.location;

import java.time.Instant;
import java.util.List;

/**
 * Where a file is: the answer of {@code GET /api/v1/locate/{name}}.
 *
 * @param size the size reported by the most recently refreshed replica, as are mtime and checksum
 * @param owner the locator ({@code host:port}) whose ring range holds the record
 * @param hops the ring nodes other than the asked one contacted to answer
 */
public record FileLocation(String name, long size, Instant mtime, String checksum, List<Replica> replicas,
                           String owner, int hops) {

    public FileLocation {
        replicas = List.copyOf(replicas);
    }
}
