package io.sectorsphere.chord;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one node's routing state.
 *
 * @param fingers the distinct finger targets, in finger order
 * @param estimatedRingSize nodes on the ring, estimated from the spread of the successor list
 * @param knownMembers alive nodes in the node's membership view, itself included
 */
public record RingView(NodeRef self, Optional<NodeRef> predecessor, List<NodeRef> successors,
                       List<NodeRef> fingers, double estimatedRingSize, int knownMembers,
                       int storedEntries) {
}
