package io.sectorsphere.chord;

import java.util.List;

/**
 * A node's answer to one lookup step. Either {@code done}, and {@code nodes} holds the key's owner
 * followed by its successors (where its replicas live, to fall back on); or not done, and
 * {@code nodes} holds the nodes closer to the key that the asker should try next, best first.
 */
public record LookupStep(boolean done, List<NodeRef> nodes) {

    public LookupStep {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a lookup step names at least one node");
        }
    }

    public static LookupStep owner(List<NodeRef> ownerThenSuccessors) {
        return new LookupStep(true, ownerThenSuccessors);
    }

    public static LookupStep forward(List<NodeRef> closerNodes) {
        return new LookupStep(false, closerNodes);
    }
}
