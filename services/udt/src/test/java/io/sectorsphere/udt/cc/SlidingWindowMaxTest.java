package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingWindowMaxTest {

    private final SlidingWindowMax filter = new SlidingWindowMax();

    @Test
    void reportsTheLargestSampleInsideTheWindow() {
        filter.add(0, 5);
        filter.add(10, 9);
        filter.add(20, 3);

        assertThat(filter.max(20, 100)).isEqualTo(9);
    }

    @Test
    void forgetsSamplesOlderThanTheWindowButKeepsTheNewest() {
        filter.add(0, 9);
        filter.add(50, 3);

        assertThat(filter.max(120, 100)).isEqualTo(3);
        assertThat(filter.max(1_000, 100)).isEqualTo(3);
    }

    @Test
    void resetStartsAgainFromTheGivenValue() {
        filter.add(0, 9);

        filter.reset(10, 4);

        assertThat(filter.max(10, 100)).isEqualTo(4);
    }

    @Test
    void isEmptyBeforeTheFirstSample() {
        assertThat(filter.max(0, 100)).isZero();
    }
}
