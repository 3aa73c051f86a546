package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrivalHistoryTest {

    @Test
    void receiveRateFollowsSteadyArrivalsAndIgnoresOutliers() {
        ArrivalHistory history = new ArrivalHistory(0);
        long now = 0;
        for (int sequence = 1; sequence <= 16; sequence++) {
            now += sequence == 8 ? 50_000 : 100; // one long pause among 100 µs gaps
            history.onArrival(sequence, now);
        }
        assertThat(history.receiveRate()).isEqualTo(10_000);
    }

    @Test
    void receiveRateIsUnknownUntilMoreThanHalfTheSamplesAgree() {
        ArrivalHistory history = new ArrivalHistory(0);
        for (int sequence = 1; sequence <= 8; sequence++) {
            history.onArrival(sequence, sequence * 100L);
        }
        assertThat(history.receiveRate()).isZero();
        history.onArrival(9, 900);
        assertThat(history.receiveRate()).isEqualTo(10_000);
    }

    @Test
    void packetPairsGiveTheLinkCapacity() {
        ArrivalHistory history = new ArrivalHistory(0);
        long now = 0;
        for (int pair = 0; pair < 16; pair++) {
            int first = pair << 4;
            now += 10_000;
            history.onArrival(first, now);
            history.onArrival(first + 1, now + 10); // back to back: 10 µs apart
        }
        assertThat(history.bandwidth()).isEqualTo(100_000);
    }
}
