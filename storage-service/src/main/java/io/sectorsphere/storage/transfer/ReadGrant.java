package io.sectorsphere.storage.transfer;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/tickets/{name}} answers: a read ticket for the whole file, valid at every
 * holder's transfer agent, and where those agents are.
 *
 * @param name      the file
 * @param size      its size in bytes
 * @param checksum  {@code sha256:<hex>}, for verifying the download
 * @param ticket    the signed ticket, to present on each data connection
 * @param expiresAt when the ticket stops being accepted
 * @param agents    the holders' transfer agents' data addresses ({@code host:port}), TCP and UDP alike
 */
public record ReadGrant(String name, long size, String checksum, String ticket, Instant expiresAt,
                        List<String> agents) {
}
