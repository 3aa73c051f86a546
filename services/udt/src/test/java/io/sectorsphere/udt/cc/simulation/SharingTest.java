package io.sectorsphere.udt.cc.simulation;

import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.MEGABITS;
import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.controller;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flows sharing a bottleneck: the second flow starts 3 s after the first, and shares are measured
 * from 10 s to 40 s, so a newcomer must win its share from an established flow.
 */
class SharingTest {

    private static Scenario.Result twoFlows(Scenario scenario) {
        return scenario.run(10, 40);
    }

    @Test
    void twoFairFlowsShareTheLinkEqually() {
        Scenario.Result result = twoFlows(new Scenario(LinkSpec.clean(MEGABITS, 71))
                .udt(controller("fair"), 0)
                .udt(controller("fair"), 3));

        assertThat(result.jainIndex()).as(result.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest(name = "{0} ms")
    @CsvSource({"16", "71"})
    void aTcpCubicFlowKeepsAtLeastThirtyPercentBesideAFairFlow(int rttMillis) {
        Scenario.Result result = twoFlows(new Scenario(LinkSpec.clean(MEGABITS, rttMillis))
                .udt(controller("fair"), 0)
                .tcpCubic(3));

        assertThat(result.shares()[1]).as(result.toString()).isGreaterThanOrEqualTo(0.3);
    }

    @Test
    void besideNativeTcpCubicGetsLessThanThirtyPercentSoTheFriendlinessTestDiscriminates() {
        Scenario.Result result = twoFlows(new Scenario(LinkSpec.clean(MEGABITS, 71))
                .udt(controller("native"), 0)
                .tcpCubic(3));

        assertThat(result.shares()[1]).as(result.toString()).isLessThan(0.3);
    }

    @Test
    void twoDedicatedFlowsBackOffInsteadOfFloodingTheQueue() {
        Scenario.Result result = twoFlows(new Scenario(LinkSpec.clean(MEGABITS, 71))
                .udt(controller("dedicated"), 0)
                .udt(controller("dedicated"), 3));

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.queueDropRate()).as(result.toString()).isLessThan(0.05);
        assertThat(Arrays.stream(result.shares()).min().orElseThrow()).as(result.toString()).isGreaterThan(0.3);
    }
}
