package io.sectorsphere.chord;

import java.util.List;

/**
 * Where a key lives: its owner, the owner's successors (which hold its replicas), and the number of
 * nodes other than the starting one that the lookup contacted.
 */
public record LookupResult(NodeRef owner, List<NodeRef> fallbacks, int hops) {

    public LookupResult {
        fallbacks = List.copyOf(fallbacks);
    }
}
