package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.udt.interop.UdtPeerCommand;
import io.sectorsphere.udt.interop.UdtPeerCommand.DataSource;
import io.sectorsphere.udt.interop.UdtPeerCommand.Direction;
import io.sectorsphere.udt.UdtSocketOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfArgumentsTest {

    @Test
    void acceptsTheLibudtPeersCommandLineSoOneFlowDrivesBoth() {
        UdtPeerCommand command = UdtPeerCommand.client("10.77.0.2", 9000, Direction.SEND)
                .withDuration(Duration.ofSeconds(10)).withMss(9000).withWindowPackets(40_000);

        PerfArguments arguments = PerfArguments.parse(command.arguments());

        assertThat(arguments.server()).isFalse();
        assertThat(arguments.send()).isTrue();
        assertThat(arguments.address().getPort()).isEqualTo(9000);
        assertThat(arguments.duration()).isEqualTo(Duration.ofSeconds(10));
        UdtSocketOptions options = arguments.socketOptions();
        assertThat(options.mss()).isEqualTo(9000);
        assertThat(options.flowWindowPackets()).isEqualTo(40_000);
        assertThat(options.receiveBufferPackets()).isEqualTo(40_000);
    }

    @Test
    void congestionControlIsPassedThroughByName() {
        List<String> args = new ArrayList<>(UdtPeerCommand.server("127.0.0.1", 0, Direction.RECV).arguments());
        args.addAll(List.of("--cc", "native"));

        assertThat(PerfArguments.parse(args).socketOptions().congestionControl()).isEqualTo("native");
    }

    @Test
    void senderWithoutAnAmountOrDurationIsRejected() {
        assertThatThrownBy(() -> PerfArguments.parse(List.of("client", "127.0.0.1:9000", "send")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bytes or --seconds");
    }

    @Test
    void aReceiverMayWriteToStandardOutputAsTheLibudtPeerDoes() {
        UdtPeerCommand command = UdtPeerCommand.server("127.0.0.1", 0, Direction.RECV).withData(DataSource.STDIO);

        assertThat(PerfArguments.parse(command.arguments()).stdio()).isTrue();
    }

    @Test
    void aSenderFromStandardInputIsRejectedBecauseTheToolSendsFromMemory() {
        assertThatThrownBy(() -> PerfArguments.parse(List.of("client", "127.0.0.1:9000", "send", "--seconds", "1",
                "--data", "stdio")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory");
    }
}
