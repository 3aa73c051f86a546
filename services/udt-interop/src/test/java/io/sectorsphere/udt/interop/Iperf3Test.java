package io.sectorsphere.udt.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class Iperf3Test {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void loopbackRunOfTwoSecondsReportsThroughputAndRetransmits() throws Exception {
        assumeTrue(Iperf3.available(), "iperf3 is not installed");
        int port = freeTcpPort();
        try (Iperf3.Server server = Iperf3.startServer(List.of(), port, Duration.ofSeconds(10))) {
            Iperf3Result result = Iperf3.runClient(List.of(), "127.0.0.1", port, Duration.ofSeconds(2), "cubic", 1);

            assertThat(result.receivedBitsPerSecond()).isGreaterThan(1e6);
            assertThat(result.sentBitsPerSecond()).isGreaterThanOrEqualTo(result.receivedBitsPerSecond() * 0.9);
            assertThat(result.retransmits()).isGreaterThanOrEqualTo(0);
            assertThat(server.awaitExit(Duration.ofSeconds(10))).as("one-shot server exits").isTrue();
        }
    }

    @Test
    void reportedErrorIsRaisedInsteadOfParsed() {
        assertThatThrownBy(() -> Iperf3Result.parse("{\"start\":{},\"intervals\":[],\"end\":{},"
                + "\"error\":\"unable to connect to server: Connection refused\"}"))
                .hasMessageContaining("Connection refused");
    }

    @Test
    void udpRunWithoutRetransmitsParsesAsMinusOne() {
        String json = "{\"end\":{\"sum_sent\":{\"start\":0,\"end\":2.0,\"bytes\":100,\"bits_per_second\":4.5e8},"
                + "\"sum_received\":{\"start\":0,\"bytes\":90,\"bits_per_second\":400000000.5}}}";

        assertThat(Iperf3Result.parse(json)).isEqualTo(new Iperf3Result(4.5e8, 400000000.5, -1));
    }

    private static int freeTcpPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
