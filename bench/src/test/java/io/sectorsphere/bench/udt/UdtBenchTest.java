package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sectorsphere.wan.LinkProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UdtBenchTest {

    @Test
    void equalSharesGiveAJainIndexOfOneAndOneIdleFlowOneHalf() {
        assertThat(UdtBench.jain(80, 80)).isCloseTo(1.0, within(1e-9));
        assertThat(UdtBench.jain(100, 0)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void windowCoversTwoBandwidthDelayProductsOfALongFatPath() {
        // 1 Gb/s x 200 ms = 25 MB; twice that in 1456-byte payloads.
        assertThat(UdtBench.windowPackets(LinkProfile.of(1_000_000_000L, Duration.ofMillis(200), 0))).isEqualTo(34_341);
    }

    @Test
    void windowNeverShrinksBelowUdtsDefaultBuffers() {
        assertThat(UdtBench.windowPackets(LinkProfile.of(200_000_000L, Duration.ofMillis(16), 0))).isEqualTo(8192);
    }

    @Test
    void theDefaultSettingsFileTakesOneFlowTimeAtTheLinkRate() {
        assertThat(UdtBench.flowBytes(LinkProfile.of(1_000_000_000L, Duration.ofMillis(55), 0.001))).isEqualTo(1_250_000_000L);
        assertThat(UdtBench.flowBytes(LinkProfile.of(200_000_000L, Duration.ofMillis(16), 0))).isEqualTo(250_000_000L);
    }

    @Test
    void unmeasuredValuesPrintAsNotAvailable() {
        String line = new CaseLine("wan-1g-16ms-0").mbps("ours_mbps", Double.NaN).ratio("ratio_link", Double.NaN / 1000)
                .error("ours_error", "engine missing").error("libudt_error", null).toString();

        assertThat(line).isEqualTo("case=wan-1g-16ms-0 ours_mbps=n/a ratio_link=n/a ours_error=\"engine missing\"");
    }
}
