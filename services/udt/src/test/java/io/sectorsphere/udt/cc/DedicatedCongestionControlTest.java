package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sectorsphere.udt.SequenceNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dedicated controller on a path of 1000 packets/s and 100 ms: each {@link #round} sends 100
 * packets, lets a round trip pass and acknowledges them all; a test that sends a burst
 * acknowledges what 100 ms deliver of it. The controller measures the delivery rate itself, from
 * how far the ACKs move over time.
 */
class DedicatedCongestionControlTest {

    private static final double STARTUP_GAIN = 2 / Math.log(2);

    private final FakeContext context = new FakeContext();
    private final DedicatedCongestionControl control = new DedicatedCongestionControl();

    @BeforeEach
    void connect() {
        control.init(context);
    }

    /** Packets per second the engine sends: 17 per 16 periods, counting the packet-pair packet. */
    private double rate() {
        return 17.0 / 16.0 * 1e6 / control.packetSendPeriodMicros();
    }

    private void round() {
        context.send(control, 100);
        context.advance(100_000);
        control.onAck(SequenceNumbers.increment(context.sendCurrentSequence));
    }

    /** Startup sees no growth for three rounds, drains for one, and probing starts at gain 1.25. */
    private void reachProbing() {
        for (int i = 0; i < 5; i++) {
            round();
        }
        assertThat(rate()).isCloseTo(1_250, within(1e-6));
    }

    /** Probing, past the 1.25 and 0.75 phases: the next round paces at the model's rate. */
    private void reachSteadyProbing() {
        reachProbing();
        round();
        round();
        assertThat(rate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void startupPacesAtTwoOverLnTwoTimesTheDeliveryRate() {
        round();

        assertThat(rate()).isCloseTo(STARTUP_GAIN * 1_000, within(1e-6));
    }

    @Test
    void startupStaysBelowAQuarterAboveAPlausiblePacketPairCapacity() {
        context.bandwidth = 1_500;

        round();

        assertThat(rate()).isCloseTo(1_875, within(1e-6));
    }

    @Test
    void aPacketPairCapacityBelowTheDeliveryRateIsIgnored() {
        context.bandwidth = 500;

        round();

        assertThat(rate()).isCloseTo(STARTUP_GAIN * 1_000, within(1e-6));
    }

    @Test
    void startupEndsWhenTheRateStopsGrowingAndDrainsTheQueueItBuilt() {
        for (int i = 0; i < 4; i++) {
            round();
        }

        assertThat(rate()).isCloseTo(1_000 / STARTUP_GAIN, within(1e-6));
    }

    @Test
    void probingCyclesItsGainAroundTheModel() {
        reachProbing();
        round();
        assertThat(rate()).isCloseTo(750, within(1e-6));
        for (int i = 0; i < 6; i++) {
            round();
            assertThat(rate()).isCloseTo(1_000, within(1e-6));
        }
        round();
        assertThat(rate()).isCloseTo(1_250, within(1e-6));
    }

    @Test
    void gainPhasesFollowTheClockWhileAcksStall() {
        reachSteadyProbing();

        for (int i = 0; i < 5; i++) {
            context.advance(100_000);
            context.send(control, 1);
            assertThat(rate()).isCloseTo(1_000, within(1e-6));
        }
        context.advance(100_000);
        context.send(control, 1);

        assertThat(rate()).isCloseTo(1_250, within(1e-6));
    }

    @Test
    void randomLossWithoutAQueueLeavesTheRateAlone() {
        reachSteadyProbing();

        int burstStart = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 500);
        control.onLoss(new int[] {context.sendCurrentSequence - 50});
        control.onLoss(new int[] {context.sendCurrentSequence - 20});
        context.advance(100_000);
        control.onAck(burstStart + 100);

        assertThat(rate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void lossWhileTheRttShowsAQueueCutsTheModelAndDrains() {
        reachSteadyProbing();
        // Our own round trips show a queue: 160 ms on a 100 ms path.
        for (int i = 0; i < 4; i++) {
            context.send(control, 100);
            context.advance(160_000);
            control.onAck(SequenceNumbers.increment(context.sendCurrentSequence));
        }

        int burstStart = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 500);
        control.onLoss(new int[] {context.sendCurrentSequence - 50});
        context.advance(160_000);
        control.onAck(burstStart + 100);

        assertThat(rate()).isCloseTo(0.75 * 850, within(1e-6));
    }

    @Test
    void aRoundTripOnlySomeAcksShowIsNoQueue() {
        reachSteadyProbing();
        // UDT's smoothed RTT still shows a delay the receiver's host added for a moment.
        context.rttMicros = 300_000;

        int burstStart = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 500);
        control.onLoss(new int[] {context.sendCurrentSequence - 50});
        context.advance(100_000);
        control.onAck(burstStart + 100);

        assertThat(rate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void heavyLossCutsTheModelEvenWithoutAQueue() {
        reachSteadyProbing();

        int burstStart = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 500);
        int last = context.sendCurrentSequence;
        // 41 of the 700 packets sent since losses were last judged: 5.9 %.
        control.onLoss(new int[] {last - 60, (last - 40) | 0x8000_0000, last - 1});
        context.advance(100_000);
        control.onAck(burstStart + 100);

        assertThat(rate()).isCloseTo(0.75 * 850, within(1e-6));
    }

    @Test
    void lossesJustBelowTheHeavyThresholdAreNoise() {
        reachSteadyProbing();

        int burstStart = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 500);
        int last = context.sendCurrentSequence;
        control.onLoss(new int[] {(last - 40) | 0x8000_0000, last - 6});
        context.advance(100_000);
        control.onAck(burstStart + 100);

        assertThat(rate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void deliveriesStillShowingTheOldRateDoNotUndoACut() {
        reachSteadyProbing();
        control.onTimeout();

        round();

        assertThat(rate()).isCloseTo(850, within(1e-6));
    }

    @Test
    void aTimeoutBeforeTheFirstAckLeavesStartupAlone() {
        context.send(control, 100);
        control.onTimeout();
        context.advance(100_000);
        control.onAck(SequenceNumbers.increment(context.sendCurrentSequence));

        assertThat(rate()).isCloseTo(STARTUP_GAIN * 1_000, within(1e-6));
    }

    @Test
    void aTimeoutCutsTheModel() {
        reachSteadyProbing();

        control.onTimeout();

        assertThat(rate()).isCloseTo(0.75 * 850, within(1e-6));
    }

    @Test
    void theUnacknowledgedCapIsAboutThreeBdps() {
        reachSteadyProbing();

        // 1000 packets/s over 3 x 100 ms, plus two ACK intervals and a little slack.
        assertThat(control.congestionWindowPackets()).isCloseTo(1_000 * 0.32 + 16, within(1e-6));
    }

    @Test
    void aWindowLimitedSenderDoesNotTalkTheModelDown() {
        reachSteadyProbing();
        int ack = SequenceNumbers.increment(context.sendCurrentSequence);
        context.send(control, 400);

        for (int i = 0; i < 30; i++) {
            context.advance(100_000);
            ack = SequenceNumbers.increment(ack);
            control.onAck(ack);
        }

        assertThat(control.congestionWindowPackets()).isCloseTo(1_000 * 0.32 + 16, within(1e-6));
    }

    @Test
    void anApplicationThatSendsLessThanPacingAllowsDoesNotTalkTheModelDown() {
        reachSteadyProbing();

        for (int i = 0; i < 30; i++) {
            context.send(control, 10);
            context.advance(100_000);
            control.onAck(SequenceNumbers.increment(context.sendCurrentSequence));
        }

        assertThat(control.congestionWindowPackets()).isCloseTo(1_000 * 0.32 + 16, within(1e-6));
    }

    @Test
    void aLimitedSenderStillRaisesTheModelWhenMoreArrives() {
        reachSteadyProbing();
        // An idle round (the application had nothing to send), then a burst: 400 packets arrive
        // over 200 ms, more than the model, although the last round was judged limited.
        context.advance(100_000);
        context.send(control, 400);
        context.advance(100_000);
        control.onAck(SequenceNumbers.increment(context.sendCurrentSequence));

        assertThat(control.congestionWindowPackets()).isCloseTo(2_000 * 0.32 + 16, within(1e-6));
    }

    @Test
    void aRoundThatSentWhatPacingAllowedFeedsTheModel() {
        reachSteadyProbing();

        for (int i = 0; i < 2; i++) {
            context.send(control, 110);
            context.advance(100_000);
            control.onAck(SequenceNumbers.increment(context.sendCurrentSequence));
        }

        assertThat(control.congestionWindowPackets()).isCloseTo(1_100 * 0.32 + 16, within(1e-6));
    }
}
