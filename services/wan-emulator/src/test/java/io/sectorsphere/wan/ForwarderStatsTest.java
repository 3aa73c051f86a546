package io.sectorsphere.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForwarderStatsTest {

    private static final String LINE = "stats cpu_seconds=1.250 uptime_seconds=10.000"
            + " ab_packets_in=100 ab_bytes_in=150000 ab_forwarded=90 ab_bytes_forwarded=135000 ab_lost=6"
            + " ab_queue_drops=3 ab_ring_drops=0 ab_write_drops=1"
            + " ba_packets_in=90 ba_bytes_in=4680 ba_forwarded=90 ba_bytes_forwarded=4680 ba_lost=0"
            + " ba_queue_drops=0 ba_ring_drops=0 ba_write_drops=0";

    @Test
    void statsLineParsesIntoBothDirectionsAndTheForwardersCpuTime() {
        ForwarderStats stats = ForwarderStats.parse(LINE);

        assertThat(stats.aToB()).isEqualTo(new ForwarderStats.DirectionStats(100, 150000, 90, 135000, 6, 3, 0, 1));
        assertThat(stats.bToA().forwarded()).isEqualTo(90);
        assertThat(stats.cpuSeconds()).isEqualTo(1.25);
        assertThat(stats.uptimeSeconds()).isEqualTo(10.0);
    }

    @Test
    void everyDropReasonCountsAsDropped() {
        assertThat(ForwarderStats.parse(LINE).aToB().dropped()).isEqualTo(10);
    }

    @Test
    void lineMissingACounterIsRejected() {
        assertThatThrownBy(() -> ForwarderStats.parse(LINE.replace(" ba_write_drops=0", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ba_write_drops");
    }
}
