package io.sectorsphere.common.replication;

/**
 * One locator's replica check: the answer of {@code GET /api/v1/replication}. The counts cover the
 * files whose records this locator owns, as of its last check; summed over every locator they cover
 * the cluster.
 *
 * @param minCopies live replicas a file should have
 * @param ownedFiles files with at least one live replica whose records this locator owns
 * @param underReplicated of those, files with fewer than {@code minCopies} live replicas
 * @param inFlight copies requested from storage nodes and not yet seen in the records
 */
public record ReplicationStatus(int minCopies, int ownedFiles, int underReplicated, int inFlight) {
}
