package io.sectorsphere.chord;

import java.util.List;

/**
 * What the last replication round delivered, so the next one can send only the changes when
 * neither the successors nor the owned range moved.
 */
final class ReplicationState {

    private List<NodeRef> targets = List.of();
    private NodeRef predecessor;
    private long deliveredUpTo;

    /** The store sequence number after which changes must be sent to {@code newTargets}. */
    synchronized long sinceFor(List<NodeRef> newTargets, NodeRef newPredecessor) {
        boolean unchanged = targets.equals(newTargets) && newPredecessor.equals(predecessor);
        return unchanged ? deliveredUpTo : 0;
    }

    synchronized void record(List<NodeRef> deliveredTargets, NodeRef rangePredecessor, long upTo) {
        targets = List.copyOf(deliveredTargets);
        predecessor = rangePredecessor;
        deliveredUpTo = upTo;
    }
}
