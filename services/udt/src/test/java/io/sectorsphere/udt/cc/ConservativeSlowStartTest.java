package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Round trips of 100 ms that rise to 120 ms when a queue builds, one sample per 10 ms. */
class ConservativeSlowStartTest {

    private static final DeliveryRateMeter.Sample SPREAD_OUT = new DeliveryRateMeter.Sample(1_000, 1_500);
    private static final DeliveryRateMeter.Sample AS_SENT = new DeliveryRateMeter.Sample(1_000, 1_000);

    private final ConservativeSlowStart slowStart = new ConservativeSlowStart();
    private long now;

    private void samples(int count, long rttMicros) {
        for (int i = 0; i < count; i++) {
            now += 10_000;
            slowStart.onRttSample(rttMicros, now);
        }
    }

    @Test
    void growsByWhatIsAcknowledgedWhileNoQueueBuilds() {
        slowStart.onDeliverySample(SPREAD_OUT);
        samples(10, 100_000);

        assertThat(slowStart.growth(100)).isEqualTo(100);
    }

    @Test
    void aRisingRoundTripWithSpreadOutArrivalsQuartersTheGrowth() {
        samples(4, 100_000);
        slowStart.onDeliverySample(SPREAD_OUT);
        samples(4, 120_000);

        assertThat(slowStart.growth(100)).isEqualTo(25);
        assertThat(slowStart.shouldEnd(now, 100_000)).isFalse();
    }

    @Test
    void aRisingRoundTripAloneIsTheHostNotTheLink() {
        samples(4, 100_000);
        slowStart.onDeliverySample(AS_SENT);
        samples(4, 120_000);

        assertThat(slowStart.growth(100)).isEqualTo(100);
    }

    @Test
    void aQueueThatGoesAwayRestoresFullGrowth() {
        samples(4, 100_000);
        slowStart.onDeliverySample(SPREAD_OUT);
        samples(4, 120_000);

        samples(1, 100_000);

        assertThat(slowStart.growth(100)).isEqualTo(100);
    }

    @Test
    void aQueueBuildingForThreeRoundTripsEndsSlowStart() {
        samples(4, 100_000);
        slowStart.onDeliverySample(SPREAD_OUT);
        samples(4, 120_000);
        long queueSeen = now;

        samples(29, 120_000);
        assertThat(slowStart.shouldEnd(now, 100_000)).isFalse();
        samples(1, 120_000);

        assertThat(now - queueSeen).isEqualTo(ConservativeSlowStart.ROUNDS * 100_000);
        assertThat(slowStart.shouldEnd(now, 100_000)).isTrue();
    }
}
