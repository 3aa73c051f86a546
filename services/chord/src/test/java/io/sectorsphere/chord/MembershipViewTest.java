package io.sectorsphere.chord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipViewTest {

    private static final NodeRef SELF = NodeRef.of("self.sim:6100");
    private static final NodeRef A = NodeRef.of("a.sim:6100");
    private static final NodeRef B = NodeRef.of("b.sim:6100");

    private final MembershipView view = new MembershipView(SELF, 100);

    @Test
    void predictsTheFirstAliveMemberAtOrAfterTheKeyAndWrapsAround() {
        view.merge(List.of(new Member(A, 5, true), new Member(B, 5, true)));
        List<NodeRef> byId = List.of(SELF, A, B).stream().sorted((x, y) -> x.id().compareTo(y.id())).toList();
        NodeId justAfterFirst = byId.get(0).id().plusPowerOfTwo(0);
        NodeId justAfterLast = byId.get(2).id().plusPowerOfTwo(0);

        assertThat(view.owner(byId.get(1).id())).contains(byId.get(1));
        assertThat(view.owner(justAfterFirst)).contains(byId.get(1));
        assertThat(view.owner(justAfterLast)).contains(byId.get(0));
        assertThat(view.preceding(byId.get(1).id())).contains(byId.get(0));
        assertThat(view.preceding(byId.get(0).id())).contains(byId.get(2));
        assertThat(view.size()).isEqualTo(3);
    }

    @Test
    void aGoneMemberIsSkippedAndOlderNewsCannotBringItBack() {
        view.merge(List.of(new Member(A, 5, true)));
        view.gone(A);

        view.merge(List.of(new Member(A, 5, true)));
        view.noticed(List.of(A));

        assertThat(view.knowsGone(A)).isTrue();
        assertThat(view.owner(A.id())).contains(SELF);
        assertThat(view.size()).isEqualTo(1);
    }

    @Test
    void aRestartedMemberOutranksItsTombstone() {
        view.merge(List.of(new Member(A, 5, false)));

        view.merge(List.of(new Member(A, 6, true)));

        assertThat(view.knowsGone(A)).isFalse();
        assertThat(view.owner(A.id())).contains(A);
    }

    @Test
    void aNodeReportedGoneRefutesItWithAHigherIncarnation() {
        view.merge(List.of(new Member(SELF, 100, false)));

        assertThat(view.members()).containsExactly(new Member(SELF, 101, true));
        assertThat(view.rumours()).containsExactly(new Member(SELF, 101, true));
    }

    @Test
    void aNodeOnlySeenNamedIsOutrankedByItsOwnNews() {
        view.noticed(List.of(A));
        view.merge(List.of(new Member(A, 7, true)));

        assertThat(view.members()).contains(new Member(A, 7, true));
        assertThat(view.rumours()).containsExactly(new Member(A, 7, true));
    }

    @Test
    void aRumourIsSentAFewTimesPerLog2OfTheRingThenDropped() {
        view.merge(List.of(new Member(A, 5, true)));
        int sends = 0;
        while (!view.rumours().isEmpty()) {
            sends++;
            assertThat(sends).isLessThan(100);
        }

        // Two alive members: log2 rounds up to 2 bits.
        assertThat(sends).isEqualTo(MembershipView.RUMOUR_FACTOR * 2);
    }

    @Test
    void tombstonesAreForgottenAfterTheirRounds() {
        view.merge(List.of(new Member(A, 5, true)));
        view.gone(A);
        for (int round = 1; round < MembershipView.TOMBSTONE_ROUNDS; round++) {
            view.tick();
        }
        assertThat(view.knowsGone(A)).isTrue();

        view.tick();

        assertThat(view.knowsGone(A)).isFalse();
        assertThat(view.members()).extracting(Member::node).containsExactly(SELF);
    }

    @Test
    void theRandomPeerIsNeverThisNodeNorAGoneOne() {
        assertThat(view.randomPeer()).isEmpty();
        view.merge(List.of(new Member(A, 5, true), new Member(B, 5, false)));

        for (int i = 0; i < 50; i++) {
            assertThat(view.randomPeer()).contains(A);
        }
    }
}
