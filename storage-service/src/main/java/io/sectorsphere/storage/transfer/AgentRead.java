package io.sectorsphere.storage.transfer;

import java.io.InputStream;

/**
 * A file's content streaming from another node's transfer agent.
 *
 * @param content   exactly {@code length} bytes; close it when done
 * @param length    the file's size
 * @param agent     the agent's data address, for logs
 * @param transport {@code tcp} or {@code udt}
 */
public record AgentRead(InputStream content, long length, String agent, String transport) {
}
