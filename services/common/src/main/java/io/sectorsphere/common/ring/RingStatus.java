package io.sectorsphere.common.ring;

import java.util.List;

/**
 * One locator's view of the ring: the answer of {@code GET /api/v1/ring}.
 *
 * @param predecessor null while unknown
 * @param successors nearest first
 * @param fingers the distinct finger targets, in finger order
 * @param estimatedRingSize nodes on the ring, estimated from the spread of the successor list
 * @param storedEntries location entries this node holds, its own and replicas
 * @param member whether the node has created or joined a ring
 * @param stable whether its successor points back at it
 */
public record RingStatus(RingMember self, RingMember predecessor, List<RingMember> successors,
                         List<RingMember> fingers, double estimatedRingSize, int storedEntries,
                         boolean member, boolean stable) {

    public RingStatus {
        successors = List.copyOf(successors);
        fingers = List.copyOf(fingers);
    }
}
