package io.sectorsphere.client;

import java.time.Instant;
import java.util.List;

/**
 * What a storage node answers to {@code GET /api/v1/tickets/{name}}: a read ticket valid at every
 * holder's transfer agent, and where those agents are.
 *
 * @param checksum {@code sha256:<hex>}
 * @param agents   the holders' agents' data addresses, {@code host:port} for TCP and UDP alike
 */
public record ReadGrant(String name, long size, String checksum, String ticket, Instant expiresAt,
                        List<String> agents) {

    public ReadGrant {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }
}
