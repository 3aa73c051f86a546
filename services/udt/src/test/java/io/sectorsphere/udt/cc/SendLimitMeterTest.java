package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendLimitMeterTest {

    /** 17/16 x 1e6 / 1000: pacing allows 1000 packets per second, 100 per interval of 100 ms. */
    private static final double PERIOD_FOR_1000_PER_SECOND = 1_062.5;

    private final SendLimitMeter meter = new SendLimitMeter();

    private void interval(int packets) {
        meter.accrue(0, PERIOD_FOR_1000_PER_SECOND);
        for (int i = 0; i < packets; i++) {
            meter.onSent();
        }
        meter.accrue(100_000, PERIOD_FOR_1000_PER_SECOND);
        meter.endInterval();
    }

    @Test
    void sendingWhatPacingAllowedIsNotLimited() {
        interval(100);

        assertThat(meter.lastIntervalLimited()).isFalse();
    }

    @Test
    void sendingFarLessThanPacingAllowedIsLimited() {
        interval(50);

        assertThat(meter.lastIntervalLimited()).isTrue();
    }

    @Test
    void eachIntervalIsJudgedAfresh() {
        interval(50);
        for (int i = 0; i < 100; i++) {
            meter.onSent();
        }
        meter.accrue(200_000, PERIOD_FOR_1000_PER_SECOND);
        meter.endInterval();

        assertThat(meter.lastIntervalLimited()).isFalse();
    }
}
