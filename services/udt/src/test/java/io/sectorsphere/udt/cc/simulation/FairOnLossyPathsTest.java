package io.sectorsphere.udt.cc.simulation;

import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.MEGABITS;
import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.alone;
import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.controller;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default controller on paths with random loss: losses without a queue are not congestion, so
 * one flow fills the link as {@code dedicated} does, while losses at a full queue still share it.
 */
class FairOnLossyPathsTest {

    @ParameterizedTest(name = "{0} ms, loss {1}: at least {2} of the link")
    @CsvSource({
        "16, 0.001, 0.9",
        "71, 0.0001, 0.9",
        "71, 0.001, 0.9",
        "200, 0.001, 0.8"})
    void fairFillsTheLinkDespiteRandomLoss(int rttMillis, double loss, double minimumShare) {
        Scenario.Result result = alone("fair", LinkSpec.lossy(MEGABITS, rttMillis, loss));

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(minimumShare);
    }

    @Test
    void twoFairFlowsStillShareALossyLinkEqually() {
        Scenario.Result result = new Scenario(LinkSpec.lossy(MEGABITS, 71, 0.001))
                .udt(controller("fair"), 0)
                .udt(controller("fair"), 3)
                .run(10, 40);

        assertThat(result.jainIndex()).as(result.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void heavyLossBehindAShallowQueueStillCutsTheWindow() {
        LinkSpec shallow = new LinkSpec(MEGABITS, 71, 0, 0.05, 42);
        Scenario.Result result = alone("fair", shallow);

        assertThat(result.queueDropRate()).as(result.toString()).isLessThan(0.02);
        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.7);
    }
}
