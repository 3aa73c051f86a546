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
import org.junit.jupiter.api.Test;

/** Lookups with the membership view at N = 1024: one hop once it has converged, few more under churn. */
class ViewLookupTest {

    private static final int NODES = 1024;

    @Test
    void afterConvergenceLookupsFindTheTrueOwnerInAboutOneHopReadsTakeOneAndAFullSyncCompletesEveryView() {
        RingSimulation ring = RingSimulation.stableRing(NODES, ChordSettings.DEFAULTS, Clock.systemUTC(), 21);
        int lookups = 5000;
        long hops = 0;

        for (int i = 0; i < lookups; i++) {
            NodeId key = NodeId.ofKey("view-key-" + i);
            LookupResult result = ring.randomLive().lookup(key);
            assertThat(result.owner()).as("owner of %s", key).isEqualTo(ring.trueOwner(key));
            hops += result.hops();
        }

        double mean = (double) hops / lookups;
        System.out.printf("view: mean hops at %d = %.3f%n", NODES, mean);
        assertThat(mean).isLessThanOrEqualTo(1.2);

        Instant now = Instant.now();
        for (int i = 0; i < 200; i++) {
            ring.randomLive().write(new Entry("file-" + i, "holder", "value " + i, now, now.plus(Duration.ofHours(1))));
        }
        for (int i = 0; i < 200; i++) {
            ReadResult read = ring.randomLive().read("file-" + i);
            assertThat(read.entries()).extracting(Entry::value).containsExactly("value " + i);
            // The predicted owner sends its entries with its answer: one round trip, not two.
            assertThat(read.hops()).as("hops to read file-%d", i).isLessThanOrEqualTo(1);
        }

        // Every node pulls a whole view once in 32 gossip rounds, which repairs what rumours missed.
        ring.rounds(32);

        assertThat(ring.live()).allSatisfy(node -> assertThat(node.view().knownMembers()).isEqualTo(NODES));
    }

    /**
     * 1 % of the nodes crash and as many join every round, for 40 rounds; lookups between rounds
     * stay short, and (the view knowing of failures that successor lists have not caught up with
     * yet) name a stale owner less often than routing alone.
     */
    @Test
    void underOnePercentChurnPerRoundLookupsStayShortAndRight() {
        Outcome withView = churn(ChordSettings.DEFAULTS);
        Outcome routed = churn(ChordSettings.DEFAULTS.withoutMembershipView());
        System.out.printf("churn: view mean_hops=%.3f wrong=%d, routed mean_hops=%.3f wrong=%d, of %d%n",
                withView.meanHops(), withView.wrongOwners(), routed.meanHops(), routed.wrongOwners(), withView.lookups());

        assertThat(withView.meanHops()).isLessThanOrEqualTo(2.0);
        assertThat(withView.wrongOwners()).isLessThanOrEqualTo(withView.lookups() / 200);
        assertThat(withView.wrongOwners()).isLessThan(routed.wrongOwners());
    }

    private record Outcome(double meanHops, int wrongOwners, int lookups) {
    }

    private static Outcome churn(ChordSettings settings) {
        RingSimulation ring = RingSimulation.stableRing(NODES, settings, Clock.systemUTC(), 23);
        int perRound = NODES / 100;
        int lookups = 0;
        int wrong = 0;
        long hops = 0;
        for (int round = 0; round < 40; round++) {
            ring.crashRandom(perRound);
            for (int i = 0; i < perRound; i++) {
                ring.join();
            }
            ring.rounds(1);
            for (int i = 0; i < 250; i++) {
                NodeId key = NodeId.ofKey("churn-key-" + round + "-" + i);
                ChordNode start = ring.randomLive();
                LookupResult result = start.lookup(key);
                lookups++;
                hops += result.hops();
                if (!result.owner().equals(ring.trueOwner(key))) {
                    wrong++;
                }
            }
        }
        return new Outcome((double) hops / lookups, wrong, lookups);
    }
}
