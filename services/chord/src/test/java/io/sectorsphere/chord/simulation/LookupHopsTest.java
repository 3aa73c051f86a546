package io.sectorsphere.chord.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.chord.LookupResult;
import io.sectorsphere.chord.NodeId;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class LookupHopsTest {

    @Test
    void meanRoutedHopsAt1024NodesIsAtMostHalfLog2N() {
        RingSimulation ring = RingSimulation.stableRing(1024, ChordSettings.DEFAULTS.withoutMembershipView(),
                Clock.systemUTC(), 7);
        int lookups = 5000;
        long hops = 0;
        for (int i = 0; i < lookups; i++) {
            NodeId key = NodeId.ofKey("key-" + i);
            ChordNode start = ring.randomLive();
            LookupResult result = start.lookup(key);
            assertThat(result.owner()).isEqualTo(ring.trueOwner(key));
            hops += result.hops();
        }
        double mean = (double) hops / lookups;
        System.out.println("mean hops at 1024 = " + mean);
        assertThat(mean).isLessThanOrEqualTo(0.5 * (Math.log(1024) / Math.log(2)));
    }

    @Test
    void everyNodeEstimatesTheRingSizeWithinAFactorOfFour() {
        RingSimulation ring = RingSimulation.stableRing(1024, ChordSettings.DEFAULTS, Clock.systemUTC(), 8);

        double mean = ring.live().stream().mapToDouble(node -> node.view().estimatedRingSize()).average().orElseThrow();

        assertThat(ring.live()).allSatisfy(node ->
                assertThat(node.view().estimatedRingSize()).isBetween(1024 / 4.0, 1024 * 4.0));
        assertThat(mean).isBetween(1024 / 1.5, 1024 * 1.5);
    }
}
