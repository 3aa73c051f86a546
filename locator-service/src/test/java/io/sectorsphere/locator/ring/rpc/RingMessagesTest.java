package io.sectorsphere.locator.ring.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupStep;
import io.sectorsphere.chord.Member;
import io.sectorsphere.chord.Neighbours;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.ReadStep;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.locator.ring.rpc.RingMessages.EntryMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.MemberMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.NeighboursMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.StepMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RingMessagesTest {

    private static final NodeRef A = NodeRef.of("127.0.0.1:6101");
    private static final NodeRef B = NodeRef.of("127.0.0.2:6100");
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void entriesAndTombstonesSurviveTheRoundTrip() {
        Entry live = new Entry("data/a.csv", "10.0.0.1:6200", "{\"size\":1}", NOW, NOW.plusSeconds(60));
        Entry removed = Entry.tombstone("data/a.csv", "10.0.0.2:6200", NOW, NOW.plusSeconds(3600));

        assertThat(RingMessages.entries(RingMessages.entryMessages(List.of(live, removed))))
                .containsExactly(live, removed);
    }

    @Test
    void lookupStepsAndNeighboursSurviveTheRoundTrip() {
        LookupStep step = LookupStep.forward(List.of(A, B));
        Neighbours neighbours = new Neighbours(Optional.of(A), List.of(B, A));
        Neighbours alone = new Neighbours(Optional.empty(), List.of());

        assertThat(RingMessages.step(RingMessages.message(step))).isEqualTo(step);
        assertThat(RingMessages.neighbours(RingMessages.message(neighbours))).isEqualTo(neighbours);
        assertThat(RingMessages.neighbours(RingMessages.message(alone))).isEqualTo(alone);
        assertThat(RingMessages.member(A)).isEqualTo(new RingMember(A.id().toHex(), "127.0.0.1:6101"));
    }

    @Test
    void nodesWhoseIdIsNotTheSha1OfTheirAddressAreRejected() {
        RingMember forged = new RingMember(A.id().toHex(), B.address());

        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.node(forged))
                .withMessageContaining("not the SHA-1");
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.step(
                new StepMessage(true, List.of(RingMessages.member(A), forged))));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.neighbours(
                new NeighboursMessage(forged, List.of())));
    }

    @Test
    void malformedOrMissingPartsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.node(new RingMember("abc", A.address())));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.node(
                new RingMember(NodeId.ofAddress("nohost").toHex(), "nohost")));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.node(null));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.step(new StepMessage(true, List.of())));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.neighbours(
                new NeighboursMessage(null, null)));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.entries(null));
    }

    @Test
    void entriesWithBadNamesSourcesOrTimesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.entry(
                new EntryMessage("../etc/passwd", "10.0.0.1:6200", "{}", NOW, NOW)));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.entry(
                new EntryMessage("ok", "not an address", "{}", NOW, NOW)));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.entry(
                new EntryMessage("ok", "10.0.0.1:6200", "{}", null, NOW)));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.entry(
                new EntryMessage("ok", "10.0.0.1:6200", "{}", NOW, null)));
    }

    @Test
    void membersSurviveTheRoundTripAndForgedOrNegativeOnesAreRejected() {
        List<Member> members = List.of(new Member(A, 1_765_000_000_000L, true), new Member(B, 0, false));
        RingMember forged = new RingMember(A.id().toHex(), B.address());

        assertThat(RingMessages.memberStates(RingMessages.memberMessages(members))).isEqualTo(members);
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.memberStates(
                List.of(new MemberMessage(forged, 1, true)))).withMessageContaining("not the SHA-1");
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.memberStates(
                List.of(new MemberMessage(RingMessages.member(A), -1, true)))).withMessageContaining("incarnation");
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.memberStates(
                Arrays.asList((MemberMessage) null)));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.memberStates(null));
    }

    @Test
    void readStepsSurviveTheRoundTripAndCheckTheirEntries() {
        Entry live = new Entry("data/a.csv", "10.0.0.1:6200", "{\"size\":1}", NOW, NOW.plusSeconds(60));
        ReadStep owner = new ReadStep(LookupStep.owner(List.of(A, B)), List.of(live));
        ReadStep forward = ReadStep.of(LookupStep.forward(List.of(B)));

        assertThat(RingMessages.readStep(RingMessages.message(owner))).isEqualTo(owner);
        assertThat(RingMessages.readStep(RingMessages.message(forward))).isEqualTo(forward);
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.readStep(new RingMessages.ReadStepMessage(
                RingMessages.message(owner.step()),
                List.of(new EntryMessage("../etc/passwd", "10.0.0.1:6200", "{}", NOW, NOW)))));
        assertThatIllegalArgumentException().isThrownBy(() -> RingMessages.readStep(null));
    }
}
