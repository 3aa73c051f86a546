package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;

/** How many nodes the cluster has, for the Terasort commands' defaults: every storage node runs a worker. */
final class ClusterNodes {

    private ClusterNodes() {
    }

    /** The live storage nodes the locator knows, at least one. */
    static int count(SectorCommand sector) {
        try (SectorClient client = sector.client()) {
            return Math.max(client.nodes().size(), 1);
        }
    }
}
