package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.NodeId;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.common.ring.RingStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingConsistencyTest {

    private static final String A = "127.0.0.1:1001";
    private static final String B = "127.0.0.1:1002";
    private static final String C = "127.0.0.1:1003";
    private static final String D = "127.0.0.1:1004";

    @Test
    void aClosedRingOfStableNodesIsConsistent() {
        Map<String, RingStatus> states = ring(A, B, C);

        assertThat(RingConsistency.problems(Set.of(A, B, C), states)).isEmpty();
        assertThat(RingConsistency.walk(A, states, 10)).containsExactly(A, B, C);
    }

    @Test
    void aSingleNodeAloneOnItsRingIsConsistent() {
        Map<String, RingStatus> states = Map.of(A, state(A, null, List.of(), true));

        assertThat(RingConsistency.problems(Set.of(A), states)).isEmpty();
    }

    @Test
    void twoRingsThatNeverMergedAreNotOneRingAlthoughEveryNodeIsStable() {
        Map<String, RingStatus> states = new HashMap<>(ring(A, B));
        states.putAll(ring(C, D));

        assertThat(RingConsistency.problems(Set.of(A, B, C, D), states))
                .singleElement().asString().startsWith("walking successors visits");
    }

    @Test
    void aSuccessorThatNamesAnotherPredecessorIsReported() {
        Map<String, RingStatus> states = new HashMap<>(ring(A, B, C));
        states.put(B, state(B, C, List.of(C, A), true));

        assertThat(RingConsistency.problems(Set.of(A, B, C), states))
                .contains(A + " has successor " + B + " whose predecessor is " + C);
    }

    @Test
    void missingUnstableAndForeignNodesAreReported() {
        Map<String, RingStatus> states = Map.of(
                A, state(A, C, List.of(D), true),
                B, state(B, A, List.of(C), false));

        assertThat(RingConsistency.problems(Set.of(A, B, C), states)).containsExactlyInAnyOrder(
                A + " has successor " + D + ", not one of the expected nodes",
                B + " is not stable yet",
                C + " did not answer");
    }

    /** Stable states of nodes joined in the given order into one ring. */
    private static Map<String, RingStatus> ring(String... addresses) {
        Map<String, RingStatus> states = new HashMap<>();
        for (int i = 0; i < addresses.length; i++) {
            String predecessor = addresses[(i + addresses.length - 1) % addresses.length];
            String successor = addresses[(i + 1) % addresses.length];
            states.put(addresses[i], state(addresses[i], predecessor, List.of(successor), true));
        }
        return states;
    }

    private static RingStatus state(String self, String predecessor, List<String> successors, boolean stable) {
        return new RingStatus(member(self), predecessor == null ? null : member(predecessor),
                successors.stream().map(RingConsistencyTest::member).toList(), List.of(), successors.size() + 1,
                0, true, stable);
    }

    private static RingMember member(String address) {
        return new RingMember(NodeId.ofAddress(address).toHex(), address);
    }
}
