package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TcpFlowTest {

    @Test
    void deliveredBytesSumEveryReceivingSocketOnThePort() {
        String ss = """
                0      0      10.77.0.2:5201  10.77.0.1:40302
                	 cubic wscale:7,7 rto:216 rtt:16.3/0.2 bytes_received:37 segs_in:5 data_segs_in:3
                0      0      10.77.0.2:5201  10.77.0.1:40310
                	 cubic wscale:9,9 rto:220 rtt:17.1/1.5 bytes_acked:1 bytes_received:125000000 segs_out:4000
                """;

        assertThat(TcpFlow.sumBytesReceived(ss)).isEqualTo(125_000_037L);
    }
}
