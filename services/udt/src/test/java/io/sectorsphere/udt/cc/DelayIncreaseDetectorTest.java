package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayIncreaseDetectorTest {

    private final DelayIncreaseDetector detector = new DelayIncreaseDetector();

    private boolean samples(long... rttMicros) {
        boolean rising = false;
        for (long rtt : rttMicros) {
            rising = detector.onSample(rtt);
        }
        return rising;
    }

    @Test
    void everyRecentSampleAboveTheMinimumByAnEighthIsAQueue() {
        assertThat(samples(80_000, 80_000, 90_000, 90_000, 90_000)).isFalse();
        assertThat(samples(90_000)).isTrue();
    }

    @Test
    void oneLateSampleIsNoQueue() {
        assertThat(samples(80_000, 80_000, 80_000, 80_000, 80_000, 80_000, 120_000)).isFalse();
    }

    @Test
    void onShortPathsTheRiseMustReachFourMilliseconds() {
        assertThat(samples(16_000, 19_000, 19_000, 19_000, 19_000)).isFalse();
        assertThat(samples(20_000, 20_000, 20_000, 20_000)).isTrue();
    }

    @Test
    void onLongPathsSixteenMillisecondsSuffice() {
        assertThat(samples(200_000, 216_000, 216_000, 216_000, 216_000)).isTrue();
    }
}
