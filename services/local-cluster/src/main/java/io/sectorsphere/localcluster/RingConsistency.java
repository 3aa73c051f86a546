package io.sectorsphere.localcluster;

import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.common.ring.RingStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides from every node's {@code /api/v1/ring} whether a set of nodes forms one consistent ring:
 * each is a stable member, each one's successor names it as predecessor, and following successors
 * from any node visits exactly the expected nodes before coming back.
 *
 * <p>Each node's own "stable" flag only covers its neighbourhood; two rings that never merged are
 * both locally stable, which is why the walk over all nodes is needed too.
 */
public final class RingConsistency {

    private RingConsistency() {
    }

    /**
     * @param expected the {@code host:port} ring addresses that should form the ring
     * @param states each reachable node's view, by its ring address (unreachable nodes are absent)
     * @return why the ring is not consistent, one line per problem; empty when it is
     */
    public static List<String> problems(Set<String> expected, Map<String, RingStatus> states) {
        List<String> problems = new ArrayList<>();
        for (String address : expected) {
            RingStatus state = states.get(address);
            if (state == null) {
                problems.add(address + " did not answer");
            } else if (!state.member() || !state.stable()) {
                problems.add(address + " is " + (state.member() ? "not stable yet" : "not a member"));
            } else {
                String successor = successorOf(state);
                RingStatus next = states.get(successor);
                if (successor.equals(address)) {
                    // Alone on its ring: consistent only if it is meant to be alone.
                    if (expected.size() > 1) {
                        problems.add(address + " is alone on its own ring");
                    }
                } else if (!expected.contains(successor)) {
                    problems.add(address + " has successor " + successor + ", not one of the expected nodes");
                } else if (next != null && !Objects.equals(predecessorOf(next), address)) {
                    problems.add(address + " has successor " + successor + " whose predecessor is " + predecessorOf(next));
                }
            }
        }
        if (problems.isEmpty()) {
            List<String> walk = walk(expected.iterator().next(), states, expected.size() + 1);
            if (walk.size() != expected.size() || !Set.copyOf(walk).equals(expected)) {
                problems.add("walking successors visits " + walk + ", not all of " + expected);
            }
        }
        return problems;
    }

    /**
     * The nodes in ring order, following successors from {@code start} until it comes back to a
     * node already seen, reaches a node without a known state, or has {@code limit} nodes.
     */
    public static List<String> walk(String start, Map<String, RingStatus> states, int limit) {
        Set<String> visited = new LinkedHashSet<>();
        String current = start;
        while (current != null && visited.size() < limit && visited.add(current)) {
            RingStatus state = states.get(current);
            current = state == null ? null : successorOf(state);
        }
        return List.copyOf(visited);
    }

    /** The nearest successor's address, or the node's own while it is alone on its ring. */
    public static String successorOf(RingStatus state) {
        return state.successors().isEmpty() ? state.self().address() : state.successors().getFirst().address();
    }

    /** The predecessor's address, or null while the node knows none. */
    public static String predecessorOf(RingStatus state) {
        RingMember predecessor = state.predecessor();
        return predecessor == null ? null : predecessor.address();
    }
}
