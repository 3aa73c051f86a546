package io.sectorsphere.bench.udt;

import java.nio.file.Path;

/**
 * A file a transfer agent serves for the default-settings flow.
 *
 * @param dataDirectory the agent's data directory, holding {@code name}
 * @param secret        the cluster secret the agent checks tickets with
 */
record AgentFile(Path dataDirectory, String name, long size, String sha256, String secret) {
}
