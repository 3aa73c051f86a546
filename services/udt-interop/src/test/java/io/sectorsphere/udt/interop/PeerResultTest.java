package io.sectorsphere.udt.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerResultTest {

    @Test
    void doneLineParsesIntoEveryField() {
        PeerResult result = PeerResult.parse("done bytes=1000000000 seconds=10.000 cpu_seconds=5.500 mbps=800.00");

        assertThat(result).isEqualTo(new PeerResult(1_000_000_000L, 10.0, 5.5, 800.0));
        assertThat(result.cpuSecondsPerGigabyte()).isEqualTo(5.5);
    }

    @Test
    void formattedLineParsesBackToTheSameResult() {
        PeerResult result = new PeerResult(123456789L, 2.5, 0.75, 395.06);

        assertThat(PeerResult.parse(result.toLine())).isEqualTo(result);
    }

    @Test
    void lineMissingAFieldIsRejected() {
        assertThatThrownBy(() -> PeerResult.parse("done bytes=10 seconds=1.0 mbps=0.00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu_seconds");
    }
}
