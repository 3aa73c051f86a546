package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentProcessTest {

    private static final List<String> TCP6 = List.of(
            "  sl  local_address                         remote_address                        st tx_queue rx_queue",
            "   0: 00000000000000000000000000000000:189D 00000000000000000000000000000000:0000 0A 00000000:00000000",
            "   1: 0000000000000000FFFF0000010000A0:189C 0000000000000000FFFF0000020000A0:A7B0 01 00000000:00000000");

    @Test
    void aPortIsReadyOnlyWhenASocketListensOnIt() {
        assertThat(AgentProcess.listensIn(TCP6, 6301)).isTrue();
        // 6300 only has an established connection (state 01), not a listener.
        assertThat(AgentProcess.listensIn(TCP6, 6300)).isFalse();
    }
}
