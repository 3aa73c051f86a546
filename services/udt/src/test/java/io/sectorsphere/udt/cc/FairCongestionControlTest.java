package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.packet.NakPacket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FairCongestionControlTest {

    private final FakeContext context = new FakeContext();
    private final FairCongestionControl control = new FairCongestionControl();

    @BeforeEach
    void connect() {
        control.init(context);
    }

    /** Packets sent per RTT: 17 per 16 periods, counting the packet-pair packet. */
    private double window() {
        return 17.0 / 16.0 * context.rttMicros / control.packetSendPeriodMicros();
    }

    /** 500 packets arrive in 100 ms: 5000 packets/s, a 500-packet window at this 100 ms RTT; slow start goes on. */
    private void deliverFiveHundredPacketsPerRoundTripInSlowStart() {
        context.send(control, 500);
        context.advance(100_000);
        control.onAck(nextUnacknowledged());
        context.send(control, 500);
        control.onAck(nextUnacknowledged());
    }

    /** 21 of the 1000 packets sent lost: heavy losses, which are congestion whatever the round trip. */
    private void loseTwoPercent() {
        control.onLoss(new int[] {(context.sendCurrentSequence - 21) | NakPacket.RANGE_START, context.sendCurrentSequence - 1});
    }

    private int nextUnacknowledged() {
        return SequenceNumbers.increment(context.sendCurrentSequence);
    }

    @Test
    void startsWithSixteenPacketsPerRoundTrip() {
        assertThat(window()).isCloseTo(16, within(1e-9));
        assertThat(control.packetSendPeriodMicros()).isCloseTo(17.0 / 16.0 * 100_000 / 16.0, within(1e-9));
    }

    @Test
    void slowStartGrowsTheWindowByWhatEachAckAcknowledges() {
        context.send(control, 16);
        control.onAck(nextUnacknowledged());

        assertThat(window()).isCloseTo(32, within(1e-9));
    }

    @Test
    void theFirstLossEndsSlowStartAtWhatTheLinkCarried() {
        deliverFiveHundredPacketsPerRoundTripInSlowStart();

        loseTwoPercent();

        // Well below the 1016 slow start reached, and not cut further: the overshoot filled the queue.
        assertThat(window()).isCloseTo(500, within(1e-6));
    }

    @Test
    void slowStartAtTheLargestWindowStillEndsOnALossWithWhatTheLinkCarried() {
        context.maxCongestionWindow = 600;
        deliverFiveHundredPacketsPerRoundTripInSlowStart();
        assertThat(window()).as("capped at the largest window").isCloseTo(600, within(1e-6));

        loseTwoPercent();

        // Still slow start when the loss came: the 500 packets per RTT the link carried, not 0.7 × 600.
        assertThat(window()).isCloseTo(500, within(1e-6));
    }

    @Test
    void furtherLossesOfPacketsSentBeforeTheCutDoNotCutAgain() {
        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());
        int earlyLoss = context.sendCurrentSequence - 10;
        control.onLoss(new int[] {context.sendCurrentSequence});
        double afterCut = window();
        context.send(control, 10);

        control.onLoss(new int[] {earlyLoss | 0x8000_0000, context.sendCurrentSequence - 10});

        assertThat(window()).isEqualTo(afterCut);
    }

    @Test
    void aLossOfAPacketSentAfterTheCutStartsANewCongestionEpoch() {
        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());
        control.onLoss(new int[] {context.sendCurrentSequence});
        double afterCut = window();
        context.send(control, 10);

        control.onLoss(new int[] {context.sendCurrentSequence});

        assertThat(window()).isCloseTo(afterCut * 0.7, within(1e-6));
    }

    @Test
    void afterACutTheWindowRegrowsTowardsWhereTheLossHappened() {
        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());
        control.onLoss(new int[] {context.sendCurrentSequence}); // ends slow start
        context.send(control, 10);
        control.onLoss(new int[] {context.sendCurrentSequence}); // a congestion event: cut to 0.7
        double atLoss = window() / 0.7;

        for (int i = 0; i < 1_200; i++) {
            context.advance(10_000);
            context.send(control, 100);
            control.onAck(nextUnacknowledged());
        }

        // Twelve seconds on, the cubic curve has passed the plateau at the loss window and probes above it.
        assertThat(window()).isGreaterThan(atLoss);
    }

    @Test
    void aSenderThatDoesNotUseItsWindowDoesNotGrowIt() {
        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());
        control.onLoss(new int[] {context.sendCurrentSequence});
        double afterCut = window();

        for (int i = 0; i < 1_200; i++) {
            context.advance(10_000);
            context.send(control, 10);
            control.onAck(nextUnacknowledged());
        }

        // The window allowed about 100 packets per 10 ms; the application sent 10. Only the first
        // RTT (judged with the burst sent before the loss) and the next, while that judgement
        // stands, let the window grow a little; a used window would have grown well past it.
        assertThat(window()).isBetween(afterCut, afterCut + 40);
    }

    @Test
    void growthAfterACutIsGradualNotAJump() {
        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());
        control.onLoss(new int[] {context.sendCurrentSequence});
        double afterCut = window();

        context.advance(10_000);
        context.send(control, 100);
        control.onAck(nextUnacknowledged());

        assertThat(window()).isBetween(afterCut, afterCut + 50);
    }

    @Test
    void anEmptyLossListChangesNothing() {
        context.send(control, 100);
        control.onAck(nextUnacknowledged());
        double before = window();

        control.onLoss(new int[0]);

        assertThat(window()).isEqualTo(before);
    }

    @Test
    void pacesTheWindowOverItsOwnRoundTripRatherThanUdtsSmoothedOne() {
        // UDT's smoothed RTT still shows a queue that is gone; the ACK came 50 ms after the send.
        context.rttMicros = 300_000;
        context.send(control, 16);
        context.advance(50_000);
        control.onAck(nextUnacknowledged());

        assertThat(control.packetSendPeriodMicros()).isCloseTo(17.0 / 16.0 * 50_000 / 32, within(1e-6));
    }

    @Test
    void anAckHeldBackByAReportedLossIsNotTimed() {
        context.rttMicros = 50_000;
        context.send(control, 16);
        context.advance(50_000);
        control.onAck(nextUnacknowledged());
        context.send(control, 10);
        int hole = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 1);
        control.onLoss(new int[] {hole});
        double periodAfterTheLoss = control.packetSendPeriodMicros();
        context.send(control, 100);

        // The ACK stops at the hole a second later: it waited for the repair, the path did not.
        context.advance(1_000_000);
        control.onAck(hole);

        assertThat(control.packetSendPeriodMicros()).isCloseTo(periodAfterTheLoss, within(1e-6));
    }

    @Test
    void aLossWithoutAQueueIsNoiseAndLeavesTheWindow() {
        deliverFiveHundredPacketsPerRoundTripInSlowStart();
        double before = window();
        int lost = nextUnacknowledged();
        context.send(control, 100);
        context.advance(100_000);

        control.onLoss(new int[] {lost});

        assertThat(window()).isCloseTo(before, within(1e-6));
    }

    @Test
    void heavyLossesAreCongestionEvenWithoutAQueue() {
        deliverFiveHundredPacketsPerRoundTripInSlowStart();
        double before = window();
        int firstLost = nextUnacknowledged();
        context.send(control, 100);
        int lastLost = context.sendCurrentSequence;
        context.advance(100_000);

        // 100 of the 1100 packets sent: far above 1 %, whatever the round trip says.
        control.onLoss(new int[] {firstLost | NakPacket.RANGE_START, lastLost});

        assertThat(window()).isLessThan(before);
    }

    @Test
    void aTimeoutBeforeTheFirstAckLeavesSlowStartAlone() {
        context.send(control, 16);
        control.onTimeout();
        context.advance(100_000);
        control.onAck(nextUnacknowledged());

        assertThat(window()).isCloseTo(32, within(1e-6));
    }

    @Test
    void aTimeoutCutsTheWindow() {
        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());
        double before = window();

        control.onTimeout();

        assertThat(window()).isCloseTo(before * 0.7, within(1e-6));
    }

    @Test
    void theWindowNeverExceedsThePeersFlowWindow() {
        context.maxCongestionWindow = 100;

        context.send(control, 1_000);
        control.onAck(nextUnacknowledged());

        assertThat(window()).isEqualTo(100);
    }

    @Test
    void theUnacknowledgedCapLeavesRoomForPacketsHeldBehindAHole() {
        assertThat(control.congestionWindowPackets()).isGreaterThanOrEqualTo(2 * window());
    }

    @Test
    void sequenceNumbersWrapping() {
        context.sendCurrentSequence = SequenceNumbers.MAX - 5;
        control.init(context);

        context.send(control, 16);
        control.onAck(nextUnacknowledged());

        assertThat(context.sendCurrentSequence).isLessThan(100);
        assertThat(window()).isCloseTo(32, within(1e-9));
    }
}
