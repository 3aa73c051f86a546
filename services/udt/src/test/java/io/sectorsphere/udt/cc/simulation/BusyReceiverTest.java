package io.sectorsphere.udt.cc.simulation;

import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.MEGABITS;
import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.controller;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.udt.cc.CongestionControls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Why the controllers met their targets here but not through the WAN emulator: there the
 * receiver shares two cores with the sender, the forwarder and other work, and takes its
 * datagrams in batches, so the receive rate it reports (from the intervals between the last 16
 * arrivals as it handles them) is several times the link rate. A receiver that wakes once per
 * millisecond reproduces that. In the steady state (5 to 25 s) the controllers must still fill
 * the link: while they trusted the reported rate, dedicated reached 0.89 to 0.96 of it here and
 * fair 0.95 at 16 ms.
 */
class BusyReceiverTest {

    private static final long READ_INTERVAL_MICROS = 1_000;

    @Test
    void itsReportedReceiveRateIsSeveralTimesTheLinkRate() {
        EventLoop loop = new EventLoop();
        LinkSpec spec = LinkSpec.clean(MEGABITS, 71);
        UdtSender sender = new UdtSender(loop, new Bottleneck(loop, spec), CongestionControls.create("fair"), 1,
                READ_INTERVAL_MICROS * 1_000);

        sender.start();
        loop.runUntil(10_000_000_000L);

        assertThat(sender.receiveRate()).isGreaterThan((int) (3 * spec.packetsPerSecond()));
    }

    @ParameterizedTest(name = "{0} ms, loss {1}: at least {2} of the link")
    @CsvSource({
        "71, 0.0001, 0.97",
        "71, 0.001, 0.97",
        "200, 0.001, 0.97"})
    void dedicatedStillFillsLossyLongPaths(int rttMillis, double loss, double minimumShare) {
        Scenario.Result result = new Scenario(LinkSpec.lossy(MEGABITS, rttMillis, loss))
                .busyReceivers(READ_INTERVAL_MICROS).udt(controller("dedicated"), 0).run(5, 25);

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(minimumShare);
    }

    @ParameterizedTest(name = "{0} ms")
    @CsvSource({"16", "200"})
    void fairStillFillsACleanLink(int rttMillis) {
        Scenario.Result result = new Scenario(LinkSpec.clean(MEGABITS, rttMillis))
                .busyReceivers(READ_INTERVAL_MICROS).udt(controller("fair"), 0).run(5, 25);

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.97);
    }
}
