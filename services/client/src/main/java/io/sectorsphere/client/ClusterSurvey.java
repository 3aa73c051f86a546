package io.sectorsphere.client;

import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.replication.ReplicationStatus;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.common.ring.RingStatus;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.type.TypeReference;

/**
 * Gathers {@link SystemInfo}: the storage nodes from the node registry, and the replica counts from
 * every locator, found by walking the ring along successor lists, because each locator counts only
 * the files whose records it owns.
 */
final class ClusterSurvey {

    /** Far beyond any ring this client is meant for; stops a walk that a broken ring would not end. */
    private static final int MAX_LOCATORS = 4096;
    private static final TypeReference<List<NodeStatus>> NODE_LIST = new TypeReference<>() {
    };

    private final HttpTransport transport;

    ClusterSurvey(HttpTransport transport) {
        this.transport = transport;
    }

    SystemInfo survey(URI locator) {
        List<NodeStatus> nodes = get(Urls.at(locator, "/api/v1/nodes"), "sysinfo", NODE_LIST);
        Deque<URI> pending = new ArrayDeque<>(List.of(locator));
        Set<String> queued = new HashSet<>(Set.of(locator.getRawAuthority()));
        Set<String> counted = new HashSet<>();
        List<String> unreachable = new ArrayList<>();
        long files = 0;
        long underReplicated = 0;
        int minCopies = 0;
        while (!pending.isEmpty() && counted.size() < MAX_LOCATORS) {
            URI next = pending.poll();
            RingStatus ring;
            ReplicationStatus replication;
            try {
                ring = get(Urls.at(next, "/api/v1/ring"), "sysinfo", RingStatus.class);
                replication = get(Urls.at(next, "/api/v1/replication"), "sysinfo",
                        ReplicationStatus.class);
            } catch (UnavailableException | NotFoundException e) {
                unreachable.add(next.getRawAuthority());
                continue;
            }
            // The configured locator may be named differently (localhost) from how the ring names it.
            if (!counted.add(ring.self().address())) {
                continue;
            }
            files += replication.ownedFiles();
            underReplicated += replication.underReplicated();
            minCopies = Math.max(minCopies, replication.minCopies());
            for (RingMember successor : ring.successors()) {
                if (queued.add(successor.address())) {
                    pending.add(URI.create(locator.getScheme() + "://" + successor.address()));
                }
            }
        }
        return new SystemInfo(nodes, nodes.stream().mapToLong(NodeStatus::capacityBytes).sum(),
                nodes.stream().mapToLong(NodeStatus::freeBytes).sum(),
                nodes.stream().mapToLong(NodeStatus::files).sum(), files, minCopies, underReplicated, counted.size(),
                unreachable);
    }

    private <T> T get(URI uri, String what, Class<T> type) {
        return Json.read(what, transport.send(transport.request(uri).GET().build(), what).body(), type);
    }

    private <T> T get(URI uri, String what, TypeReference<T> type) {
        return Json.read(what, transport.send(transport.request(uri).GET().build(), what).body(), type);
    }
}
