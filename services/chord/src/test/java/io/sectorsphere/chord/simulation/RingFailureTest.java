package io.sectorsphere.chord.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupResult;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.ReadResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring at N = 1024 survives a quarter of its nodes failing at once, and continuous churn. */
class RingFailureTest {

    private static final int NODES = 1024;
    private static final int KEYS = 2000;
    private static final int MAX_REPAIR_ROUNDS = 20;

    private final Clock clock = Clock.systemUTC();

    @Test
    void everyStoredKeyIsFoundAtItsRightOwnerAfterAQuarterOfTheNodesFailAtOnce() {
        RingSimulation ring = RingSimulation.stableRing(NODES, ChordSettings.DEFAULTS, clock, 11);
        List<String> names = storeKeys(ring, KEYS);
        ring.rounds(1);

        ring.crashRandom(NODES / 4);
        int rounds = ring.runUntilConsistent(MAX_REPAIR_ROUNDS);
        System.out.printf("ring of %d consistent again %d rounds after %d nodes failed%n", ring.size(), rounds, NODES / 4);
        for (String name : names) {
            NodeId key = NodeId.ofKey(name);
            ChordNode start = ring.randomLive();
            LookupResult lookup = start.lookup(key);
            assertThat(lookup.owner()).as("owner of %s", name).isEqualTo(ring.trueOwner(key));
            ReadResult read = start.read(name);
            assertThat(read.answeredBy()).isEqualTo(ring.trueOwner(key));
            assertThat(read.entries()).extracting(Entry::value).containsExactly("value of " + name);
        }
    }

    /**
     * Churn at a stated rate: every stabilization round, 1 % of the nodes crash and as many new
     * ones join, for 40 rounds (so about a third of the ring is replaced). Reads during the churn
     * keep returning the stored value.
     */
    @Test
    void lookupsKeepSucceedingUnderContinuousChurn() {
        RingSimulation ring = RingSimulation.stableRing(NODES, ChordSettings.DEFAULTS, clock, 13);
        List<String> names = storeKeys(ring, 500);
        ring.rounds(1);
        int churnPerRound = NODES / 100;
        int reads = 0;
        int found = 0;

        for (int round = 0; round < 40; round++) {
            ring.crashRandom(churnPerRound);
            for (int i = 0; i < churnPerRound; i++) {
                ring.join();
            }
            ring.rounds(1);
            for (int i = 0; i < 50; i++) {
                String name = names.get(ring.random().nextInt(names.size()));
                reads++;
                ReadResult read = ring.randomLive().read(name);
                if (read.entries().stream().anyMatch(e -> e.value().equals("value of " + name))) {
                    found++;
                }
            }
        }

        assertThat(ring.size()).isEqualTo(NODES);
        assertThat(found).as("reads that returned the stored value").isEqualTo(reads);
    }

    private List<String> storeKeys(RingSimulation ring, int count) {
        Instant now = clock.instant();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "dataset/file-" + i;
            ring.randomLive().write(new Entry(name, "holder", "value of " + name, now, now.plus(Duration.ofDays(1))));
            names.add(name);
        }
        return names;
    }
}
