package io.sectorsphere.client;

import io.sectorsphere.common.node.NodeStatus;
import java.util.List;

/**
 * The cluster at a glance, as {@link SectorClient#sysinfo()} gathers it from the node registry and
 * from the replica check of every locator on the ring.
 *
 * @param nodes the live storage nodes, by address
 * @param capacityBytes the nodes' data capacity in all
 * @param freeBytes of that, bytes still free
 * @param storedFiles files on the nodes' disks, every copy counted
 * @param files distinct files with a live location record
 * @param minCopies live replicas each file should have
 * @param underReplicated files with fewer live replicas than that
 * @param locators locators that answered
 * @param unreachableLocators locators ({@code host:port}) named by the ring that did not answer; the
 *     files they own are missing from the counts
 */
public record SystemInfo(List<NodeStatus> nodes, long capacityBytes, long freeBytes, long storedFiles, long files,
                         int minCopies, long underReplicated, int locators, List<String> unreachableLocators) {

    public SystemInfo {
        nodes = List.copyOf(nodes);
        unreachableLocators = List.copyOf(unreachableLocators);
    }
}
