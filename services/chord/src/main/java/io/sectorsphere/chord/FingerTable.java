package io.sectorsphere.chord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Finger i of a node points at the successor of {@code self + 2^i}. */
final class FingerTable {

    private final NodeRef self;
    private final AtomicReferenceArray<NodeRef> fingers = new AtomicReferenceArray<>(NodeId.BITS);

    FingerTable(NodeRef self) {
        this.self = self;
    }

    NodeId start(int index) {
        return self.id().plusPowerOfTwo(index);
    }

    void set(int index, NodeRef node) {
        fingers.set(index, node);
    }

    NodeRef get(int index) {
        return fingers.get(index);
    }

    /** Forgets {@code node} wherever it appears, as when it is found dead or leaves. */
    void forget(NodeRef node) {
        for (int i = 0; i < NodeId.BITS; i++) {
            fingers.compareAndSet(i, node, null);
        }
    }

    /** The distinct targets, in finger order. */
    List<NodeRef> distinct() {
        Set<NodeRef> seen = new LinkedHashSet<>();
        for (int i = 0; i < NodeId.BITS; i++) {
            NodeRef finger = fingers.get(i);
            if (finger != null) {
                seen.add(finger);
            }
        }
        return new ArrayList<>(seen);
    }

    /**
     * The known nodes that lie strictly between this node and {@code key}, closest to the key first:
     * where a lookup should go next. Successors are considered too, as in the Chord paper's
     * successor-list refinement.
     */
    List<NodeRef> closestPreceding(NodeId key, List<NodeRef> successors, int limit) {
        Set<NodeRef> candidates = new LinkedHashSet<>();
        for (int i = NodeId.BITS - 1; i >= 0; i--) {
            NodeRef finger = fingers.get(i);
            if (finger != null && finger.id().isBetween(self.id(), key)) {
                candidates.add(finger);
            }
        }
        for (NodeRef successor : successors) {
            if (successor.id().isBetween(self.id(), key)) {
                candidates.add(successor);
            }
        }
        Comparator<NodeRef> nearestToKey = Comparator.comparing(node -> node.id().distanceTo(key));
        return candidates.stream().sorted(nearestToKey).limit(limit).toList();
    }
}
