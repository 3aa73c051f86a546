package io.sectorsphere.udt.cc.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated link itself: rate, delay, queue and random loss are what was configured. */
class BottleneckTest {

    private final EventLoop loop = new EventLoop();

    @Test
    void aBurstLeavesAtTheLinkRateAfterTheOneWayDelayAndTheQueueOverflowIsDropped() {
        LinkSpec spec = new LinkSpec(12, 20, 0, 1, 1);
        Bottleneck link = new Bottleneck(loop, spec);
        List<Long> arrivals = new ArrayList<>();
        int burst = spec.queuePackets() + 10;

        for (int i = 0; i < burst; i++) {
            link.send(() -> arrivals.add(loop.nowNanos()));
        }
        loop.runUntil(1_000_000_000L);

        long serviceNanos = 1_000_000_000L / 1_000;
        assertThat(spec.packetsPerSecond()).isEqualTo(1_000);
        assertThat(arrivals).hasSize(spec.queuePackets());
        assertThat(link.queueDrops()).isEqualTo(10);
        assertThat(arrivals.getFirst()).isEqualTo(serviceNanos + spec.oneWayDelayNanos());
        assertThat(arrivals.get(1) - arrivals.getFirst()).isEqualTo(serviceNanos);
    }

    @Test
    void randomLossDropsTheConfiguredFraction() {
        Bottleneck link = new Bottleneck(loop, new LinkSpec(1_200, 10, 0.01, 1, 7));
        int[] arrived = new int[1];

        for (int second = 0; second < 20; second++) {
            loop.at(second * 10_000_000L, () -> {
                for (int i = 0; i < 1_000; i++) {
                    link.send(() -> arrived[0]++);
                }
            });
        }
        loop.runUntil(1_000_000_000L);

        assertThat(link.queueDrops()).isZero();
        assertThat(link.randomDrops() / 20_000.0).isCloseTo(0.01, within(0.002));
        assertThat(arrived[0] + link.randomDrops()).isEqualTo(20_000);
    }

    @Test
    void aTcpCubicFlowAloneFillsTheLink() {
        Scenario.Result result = new Scenario(LinkSpec.clean(SimulatedLinks.MEGABITS, 71)).tcpCubic(0).run(5, 25);

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.95);
    }
}
