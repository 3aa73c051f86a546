package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CongestionLossJudgeTest {

    private static final double MIN_RTT = 100_000;

    private final CongestionLossJudge judge = new CongestionLossJudge(0, 0.01);

    private void send(int packets) {
        for (int i = 0; i < packets; i++) {
            judge.onSent();
        }
    }

    @Test
    void aLossAtTheMinimumRoundTripIsNoise() {
        send(1_000);
        judge.onRttSample(105_000, 1_000_000);
        judge.onLoss(new int[] {500});

        assertThat(judge.congested(1_000_000, MIN_RTT, MIN_RTT)).isFalse();
    }

    @Test
    void aLossWhileEveryRecentRoundTripShowsAQueueIsCongestion() {
        send(1_000);
        judge.onRttSample(160_000, 900_000);
        judge.onRttSample(170_000, 1_000_000);
        judge.onLoss(new int[] {500});

        assertThat(judge.congested(1_000_000, MIN_RTT, MIN_RTT)).isTrue();
    }

    @Test
    void oneRoundTripWithoutAQueueMakesItNoise() {
        send(1_000);
        judge.onRttSample(160_000, 900_000);
        judge.onRttSample(110_000, 950_000);
        judge.onRttSample(170_000, 1_000_000);
        judge.onLoss(new int[] {500});

        assertThat(judge.congested(1_000_000, MIN_RTT, MIN_RTT)).isFalse();
    }

    @Test
    void aQueueOlderThanTwoRoundTripsIsNotTheLossesAndTheFallbackDecides() {
        send(1_000);
        judge.onRttSample(300_000, 500_000);
        judge.onLoss(new int[] {500});

        assertThat(judge.congested(1_000_000, MIN_RTT, MIN_RTT)).isFalse();
        judge.onLoss(new int[] {900});
        assertThat(judge.congested(1_000_000, MIN_RTT, 200_000)).isTrue();
    }

    @Test
    void heavyLossIsCongestionWithoutAQueue() {
        send(1_000);
        judge.onRttSample(100_000, 1_000_000);
        judge.onLoss(new int[] {100 | 0x8000_0000, 119});

        assertThat(judge.congested(1_000_000, MIN_RTT, MIN_RTT)).isTrue();
    }

    @Test
    void theLossRateIsNotJudgedOverTooFewPackets() {
        send(100);
        judge.onRttSample(100_000, 1_000_000);
        judge.onLoss(new int[] {10 | 0x8000_0000, 19});

        assertThat(judge.congested(1_000_000, MIN_RTT, MIN_RTT)).isFalse();
    }
}
