package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Packets 1000 on, sent one per millisecond from t = 0 unless a test says otherwise. */
class DeliveryRateMeterTest {

    private final ReportedLosses losses = new ReportedLosses();
    private final DeliveryRateMeter meter = new DeliveryRateMeter(losses, 1_000);

    private void sendEveryMillisecond(int first, int count) {
        for (int i = 0; i < count; i++) {
            meter.onSent(first + i, (first - 1_000 + i) * 1_000L);
        }
    }

    private DeliveryRateMeter.Sample ack(int ackSequence, long atMicros) {
        losses.onAck(ackSequence);
        return meter.onAck(ackSequence, atMicros, 0);
    }

    private DeliveryRateMeter.Sample nak(long atMicros, int... lossList) {
        return meter.onLoss(losses.onLoss(lossList), atMicros, 0);
    }

    @Test
    void theAckProgressOverTimeIsTheDeliveryRate() {
        sendEveryMillisecond(1_000, 300);

        DeliveryRateMeter.Sample sample = ack(1_200, 200_000);

        assertThat(sample.deliveryRate()).isCloseTo(1_000, within(1e-6));
        assertThat(sample.sendRate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void samplesSpanAtLeastFiftyMilliseconds() {
        sendEveryMillisecond(1_000, 300);

        assertThat(ack(1_040, 40_000)).isNull();
        assertThat(ack(1_100, 100_000).deliveryRate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void aCallerMayAskForLongerSpans() {
        sendEveryMillisecond(1_000, 300);
        losses.onAck(1_100);

        assertThat(meter.onAck(1_100, 100_000, 150_000)).isNull();
        losses.onAck(1_150);
        assertThat(meter.onAck(1_150, 150_000, 150_000).deliveryRate()).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void packetsThatArriveSlowerThanTheyLeftShowTheBottleneck() {
        for (int i = 0; i < 200; i++) {
            meter.onSent(1_000 + i, i * 500L);
        }
        ack(1_050, 100_000);

        DeliveryRateMeter.Sample sample = ack(1_150, 200_000);

        assertThat(sample.deliveryRate()).isCloseTo(1_000, within(1e-6));
        assertThat(sample.sendRate()).isCloseTo(2_000, within(1e-6));
    }

    @Test
    void anAckHeldBackByAHoleIsNoSample() {
        sendEveryMillisecond(1_000, 300);
        nak(60_000, 1_050);

        assertThat(ack(1_050, 100_000)).isNull();
    }

    @Test
    void aNakOnANewGapTellsWhatArrivedBeyondTheHole() {
        sendEveryMillisecond(1_000, 300);
        ack(1_050, 60_000);

        // 1050 to 1151 arrived, all but 1150: 101 packets in 100 ms.
        DeliveryRateMeter.Sample sample = nak(160_000, 1_150);

        assertThat(sample.deliveryRate()).isCloseTo(1_010, within(1e-6));
    }

    @Test
    void aRepeatedNakIsNoSample() {
        sendEveryMillisecond(1_000, 300);
        nak(60_000, 1_050);

        assertThat(nak(200_000, 1_050)).isNull();
    }

    @Test
    void repairedLossesCountOnceTheAckPassesThem() {
        sendEveryMillisecond(1_000, 300);
        nak(60_000, 1_050 | 0x8000_0000, 1_059);

        // 1061 arrived except ten, then the repair: 1061 + 49 arrivals since, and the ten.
        assertThat(ack(1_110, 160_000).deliveryRate()).isCloseTo((49 + 10) / 0.1, within(1e-6));
    }
}
