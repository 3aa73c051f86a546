package io.sectorsphere.locator.replication;

import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.node.NodeStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Decides which under-replicated files get a copy, from which holder and onto which node (Sector:
 * "a randomly chosen node with enough free space"). Pure: given the records, the nodes and a random
 * source it always decides the same, so its choices are tested without a ring or HTTP.
 */
final class ReplicationPlanner {

    /** Ask {@code target} to copy {@code name} (whose content has {@code checksum}) from {@code source}. */
    record CopyOrder(String name, String checksum, Replica source, NodeStatus target) {
    }

    /**
     * @param orders the copies to ask for
     * @param withoutTarget under-replicated files short of a copy for which no node had room
     */
    record Plan(List<CopyOrder> orders, int withoutTarget) {
    }

    private final int minCopies;
    private final RandomGenerator random;

    ReplicationPlanner(int minCopies, RandomGenerator random) {
        this.minCopies = minCopies;
        this.random = random;
    }

    /** Files with at least one and fewer than the minimum live replicas; a file with none has no source left. */
    Map<String, List<Replica>> underReplicated(Map<String, List<Replica>> owned) {
        Map<String, List<Replica>> under = new TreeMap<>();
        owned.forEach((name, replicas) -> {
            if (!replicas.isEmpty() && replicas.size() < minCopies) {
                under.put(name, replicas);
            }
        });
        return under;
    }

    /**
     * The copies that bring each file up to the minimum, counting copies already requested
     * ({@code pending}: name to target addresses) as made. A target neither holds the file nor is
     * about to, and has room for it after the copies this plan already puts on it. The source is a
     * random holder of the newest content (by mtime), so a stale replica is never copied.
     */
    Plan plan(Map<String, List<Replica>> under, List<NodeStatus> nodes, Map<String, Set<String>> pending) {
        List<CopyOrder> orders = new ArrayList<>();
        Map<String, Long> promised = new HashMap<>();
        int withoutTarget = 0;
        for (Map.Entry<String, List<Replica>> file : new TreeMap<>(under).entrySet()) {
            List<Replica> replicas = file.getValue();
            Replica newest = replicas.stream().max(Comparator.comparing(Replica::mtime)).orElseThrow();
            List<Replica> sources = replicas.stream().filter(r -> r.checksum().equals(newest.checksum())).toList();
            Set<String> requested = pending.getOrDefault(file.getKey(), Set.of());
            Set<String> excluded = new HashSet<>(requested);
            replicas.forEach(replica -> excluded.add(replica.holder()));
            int missing = minCopies - replicas.size() - requested.size();
            for (int i = 0; i < missing; i++) {
                List<NodeStatus> candidates = nodes.stream()
                        .filter(node -> !excluded.contains(node.address()))
                        .filter(node -> node.freeBytes() - promised.getOrDefault(node.address(), 0L) >= newest.size())
                        .toList();
                if (candidates.isEmpty()) {
                    withoutTarget++;
                    break;
                }
                NodeStatus target = candidates.get(random.nextInt(candidates.size()));
                Replica source = sources.get(random.nextInt(sources.size()));
                orders.add(new CopyOrder(file.getKey(), newest.checksum(), source, target));
                excluded.add(target.address());
                promised.merge(target.address(), newest.size(), Long::sum);
            }
        }
        return new Plan(orders, withoutTarget);
    }
}
