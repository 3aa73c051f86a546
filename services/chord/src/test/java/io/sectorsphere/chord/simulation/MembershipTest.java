package io.sectorsphere.chord.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.chord.MutableClock;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.RingView;
import io.sectorsphere.chord.StoreFullException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Joins, leaves, crashes and time-to-live on small rings, where each step can be checked. */
class MembershipTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));

    @Test
    void aLoneNodeOwnsEveryKeyWithoutHops() {
        RingSimulation ring = RingSimulation.stableRing(1, ChordSettings.DEFAULTS, clock, 1);
        ChordNode node = ring.live().getFirst();
        write(node, "a", "1");

        assertThat(node.lookup(NodeId.ofKey("a")).hops()).isZero();
        assertThat(node.read("a").entries()).extracting(Entry::value).containsExactly("1");
        assertThat(node.view().estimatedRingSize()).isEqualTo(1);
    }

    @Test
    void aJoiningNodeTakesOverTheKeysItNowOwns() {
        RingSimulation ring = RingSimulation.stableRing(3, ChordSettings.DEFAULTS, clock, 2);
        List<String> names = writeMany(ring, 200);

        ChordNode newcomer = ring.join();
        ring.runUntilConsistent(10);

        int owned = 0;
        for (String name : names) {
            NodeRef owner = ring.trueOwner(NodeId.ofKey(name));
            if (owner.equals(newcomer.self())) {
                owned++;
                assertThat(newcomer.fetch(name)).as("newcomer holds %s", name).isNotEmpty();
            }
            assertThat(ring.randomLive().read(name).answeredBy()).isEqualTo(owner);
        }
        assertThat(owned).as("keys the newcomer owns").isPositive();
    }

    @Test
    void aLeavingNodeHandsItsKeysToItsSuccessorBeforeItGoes() {
        ChordSettings noReplicas = new ChordSettings(2, 0, 64, 10_000);
        RingSimulation ring = RingSimulation.stableRing(5, noReplicas, clock, 3);
        List<String> names = writeMany(ring, 200);
        ChordNode leaver = ring.live().get(2);
        List<String> itsKeys = names.stream()
                .filter(name -> ring.trueOwner(NodeId.ofKey(name)).equals(leaver.self())).toList();

        ring.leave(leaver);

        assertThat(itsKeys).isNotEmpty();
        for (String name : itsKeys) {
            assertThat(ring.randomLive().read(name).entries()).as(name).extracting(Entry::value).containsExactly("v-" + name);
        }
        ring.runUntilConsistent(10);
    }

    @Test
    void aKeyWrittenJustBeforeItsOwnerCrashesSurvivesOnTheSynchronousReplica() {
        RingSimulation ring = RingSimulation.stableRing(8, ChordSettings.DEFAULTS, clock, 4);
        ChordNode writer = ring.live().getFirst();
        write(writer, "fragile", "still here");
        NodeRef owner = ring.trueOwner(NodeId.ofKey("fragile"));
        ChordNode ownerNode = ring.live().stream().filter(n -> n.self().equals(owner)).findFirst().orElseThrow();

        ring.crash(ownerNode);
        ring.runUntilConsistent(10);

        assertThat(ring.randomLive().read("fragile").entries()).extracting(Entry::value).containsExactly("still here");
    }

    @Test
    void aTombstoneHidesTheValueOnEveryReplica() {
        RingSimulation ring = RingSimulation.stableRing(6, ChordSettings.DEFAULTS, clock, 5);
        ChordNode node = ring.randomLive();
        write(node, "gone", "x");
        ring.rounds(1);
        Instant later = clock.instant().plusSeconds(1);
        node.write(Entry.tombstone("gone", "holder", later, later.plus(Duration.ofHours(1))));
        ring.rounds(1);

        assertThat(node.read("gone").entries()).isEmpty();
        for (ChordNode each : ring.live()) {
            assertThat(each.fetch("gone")).isEmpty();
        }
    }

    @Test
    void entriesVanishOnceTheirTimeToLiveRunsOut() {
        RingSimulation ring = RingSimulation.stableRing(4, ChordSettings.DEFAULTS, clock, 6);
        ChordNode node = ring.randomLive();
        Instant now = clock.instant();
        node.write(new Entry("soft", "holder", "v", now, now.plus(Duration.ofMinutes(5))));
        ring.rounds(1);

        clock.advance(Duration.ofMinutes(4));
        assertThat(node.read("soft").entries()).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(node.read("soft").entries()).isEmpty();
        int dropped = ring.live().stream().mapToInt(ChordNode::expire).sum();
        assertThat(dropped).isEqualTo(ring.live().size());
        assertThat(ring.live()).allSatisfy(each -> assertThat(each.view().storedEntries()).isZero());
    }

    @Test
    void aNewerEntryFromTheSameSourceReplacesTheOlderOne() {
        RingSimulation ring = RingSimulation.stableRing(3, ChordSettings.DEFAULTS, clock, 7);
        ChordNode node = ring.randomLive();
        Instant now = clock.instant();
        node.write(new Entry("f", "a", "new", now.plusSeconds(10), now.plusSeconds(600)));
        node.write(new Entry("f", "a", "old", now, now.plusSeconds(600)));
        node.write(new Entry("f", "b", "other", now, now.plusSeconds(600)));

        assertThat(node.read("f").entries()).extracting(Entry::value).containsExactlyInAnyOrder("new", "other");
    }

    @Test
    void everyKeyIsOwnedByExactlyItsTrueOwnerTombstonesIncluded() {
        RingSimulation ring = RingSimulation.stableRing(5, ChordSettings.DEFAULTS, clock, 10);
        List<String> names = writeMany(ring, 100);
        Instant later = clock.instant().plusSeconds(1);
        ring.randomLive().write(Entry.tombstone("file-0", "holder", later, later.plus(Duration.ofHours(1))));
        ring.rounds(1);

        List<String> ownedNames = new ArrayList<>();
        for (ChordNode node : ring.live()) {
            for (Entry entry : node.owned()) {
                assertThat(ring.trueOwner(entry.key())).as(entry.name()).isEqualTo(node.self());
                ownedNames.add(entry.name());
            }
        }
        assertThat(ownedNames).containsExactlyInAnyOrderElementsOf(names);
        NodeRef tombstoneOwner = ring.trueOwner(NodeId.ofKey("file-0"));
        ChordNode owner = ring.live().stream().filter(n -> n.self().equals(tombstoneOwner)).findFirst().orElseThrow();
        assertThat(owner.owned()).filteredOn(entry -> entry.name().equals("file-0")).singleElement()
                .satisfies(entry -> assertThat(entry.isTombstone()).isTrue());
    }

    @Test
    void aNodeOwnsNothingWhileItsPredecessorIsUnknownButAloneItOwnsEverything() {
        RingSimulation ring = RingSimulation.stableRing(4, ChordSettings.DEFAULTS, clock, 11);
        writeMany(ring, 50);
        ChordNode node = ring.live().getFirst();
        ChordNode predecessor = ring.live().stream()
                .filter(n -> n.self().equals(node.predecessor().orElseThrow())).findFirst().orElseThrow();

        ring.crash(predecessor);
        node.checkPredecessor();

        assertThat(node.predecessor()).isEmpty();
        assertThat(node.owned()).isEmpty();

        RingSimulation alone = RingSimulation.stableRing(1, ChordSettings.DEFAULTS, clock, 12);
        List<String> names = writeMany(alone, 20);
        assertThat(alone.live().getFirst().owned()).extracting(Entry::name).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void aFullNodeRefusesNewEntries() {
        RingSimulation ring = RingSimulation.stableRing(1, new ChordSettings(8, 1, 64, 3), clock, 8);
        ChordNode node = ring.live().getFirst();
        writeMany(ring, 3);

        assertThatThrownBy(() -> write(node, "one-too-many", "x")).isInstanceOf(StoreFullException.class);
        assertThat(node.view().storedEntries()).isEqualTo(3);
    }

    @Test
    void aNodeThatIsNotAMemberRefusesLookups() {
        ChordNode outsider = new ChordNode(NodeRef.of("outsider.sim:6100"), new InMemoryNetwork(), ChordSettings.DEFAULTS, clock);

        assertThatThrownBy(() -> outsider.lookup(NodeId.ofKey("x"))).isInstanceOf(LookupFailedException.class);
    }

    @Test
    void theRingViewReportsNeighboursAndFingers() {
        RingSimulation ring = RingSimulation.stableRing(16, ChordSettings.DEFAULTS, clock, 9);
        ChordNode node = ring.randomLive();

        RingView view = node.view();

        assertThat(view.successors()).hasSize(8);
        assertThat(view.predecessor()).isPresent();
        assertThat(view.fingers()).isNotEmpty().contains(view.successors().getFirst());
        assertThat(view.estimatedRingSize()).isBetween(4.0, 64.0);
    }

    @Test
    void aRingSmallerThanTheSuccessorListKnowsItsExactSize() {
        RingSimulation ring = RingSimulation.stableRing(5, ChordSettings.DEFAULTS, clock, 10);

        assertThat(ring.live()).allSatisfy(node -> assertThat(node.view().estimatedRingSize()).isEqualTo(5.0));
    }

    private List<String> writeMany(RingSimulation ring, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "file-" + i;
            write(ring.randomLive(), name, "v-" + name);
            names.add(name);
        }
        return names;
    }

    private void write(ChordNode node, String name, String value) {
        Instant now = clock.instant();
        node.write(new Entry(name, "holder", value, now, now.plus(Duration.ofHours(1))));
    }
}
