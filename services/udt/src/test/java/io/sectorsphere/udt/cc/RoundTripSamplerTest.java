package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.udt.SequenceNumbers;
import org.junit.jupiter.api.Test;

class RoundTripSamplerTest {

    private final RoundTripSampler sampler = new RoundTripSampler();

    @Test
    void anAckBeyondATimedPacketGivesItsRoundTrip() {
        sampler.onSent(10, 1_000);

        assertThat(sampler.onAck(11, 51_000)).isEqualTo(50_000);
    }

    @Test
    void anAckThatDoesNotCoverTheTimedPacketGivesNoSample() {
        sampler.onSent(10, 1_000);

        assertThat(sampler.onAck(10, 51_000)).isEqualTo(-1);
    }

    @Test
    void anAckCoveringSeveralTimedPacketsReportsTheNewest() {
        sampler.onSent(10, 1_000);
        sampler.onSent(20, 5_000);

        assertThat(sampler.onAck(21, 51_000)).isEqualTo(46_000);
    }

    @Test
    void timesAtMostOnePacketPerMillisecond() {
        sampler.onSent(10, 1_000);
        sampler.onSent(11, 1_500);

        assertThat(sampler.onAck(11, 51_000)).isEqualTo(50_000);
        assertThat(sampler.onAck(12, 52_000)).isEqualTo(-1);
    }

    @Test
    void worksAcrossTheSequenceWrap() {
        sampler.onSent(SequenceNumbers.MAX, 1_000);

        assertThat(sampler.onAck(0, 31_000)).isEqualTo(30_000);
    }
}
