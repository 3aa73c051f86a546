package io.sectorsphere.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sectorsphere.udt.interop.Iperf3;
import io.sectorsphere.udt.interop.Iperf3Result;
import io.sectorsphere.wan.UdpEchoProbe.ProbeResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WanEmulatorTest {

    private static final int PROBES = 2000;
    private static final int ECHO_PORT = 7007;
    private static final int IPERF_PORT = 5201;

    @BeforeAll
    static void requireRootAndTun() {
        assumeTrue(WanEmulator.supported(), "the WAN emulator needs root, /dev/net/tun, ip and gcc");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void roundTripTimeAndLossMatchTheProfileAndEveryMissingEchoIsAForwarderDrop() throws Exception {
        double loss = 0.01;
        LinkProfile profile = new LinkProfile(0, Duration.ofMillis(20), loss, 1 << 20);
        try (WanEmulator emulator = WanEmulator.start(profile)) {
            Process echo = emulator.exec(Side.B, javaCommand("serve", Side.B.address(), Integer.toString(ECHO_PORT), "40"));
            awaitStderrLine(echo, "listening port=");
            Process ping = emulator.exec(Side.A, javaCommand("ping", Side.B.address(), Integer.toString(ECHO_PORT),
                    Integer.toString(PROBES), "2"));
            ProbeResult result = ProbeResult.parse(lastStdoutLine(ping));
            ForwarderStats stats = emulator.stats();
            System.out.println("40 ms, 1 % loss: " + result.toLine() + " | " + stats);

            assertThat(result.medianRttMillis()).isCloseTo(40.0, within(8.0));
            double roundTripLoss = 1 - (1 - loss) * (1 - loss);
            assertThat(result.lossRate()).isCloseTo(roundTripLoss, within(fourSigma(roundTripLoss, PROBES)));
            assertThat((double) stats.aToB().lost() / stats.aToB().packetsIn())
                    .isCloseTo(loss, within(fourSigma(loss, PROBES)));
            assertThat(stats.aToB().lost() + stats.bToA().lost()).isEqualTo(result.sent() - result.received());
            assertThat(stats.aToB().queueDrops() + stats.aToB().ringDrops()).isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rateCapHoldsTcpBetweenEightyPercentAndTheCap() throws Exception {
        assumeTrue(Iperf3.available(), "iperf3 is not installed");
        long cap = 100_000_000;
        try (WanEmulator emulator = WanEmulator.start(LinkProfile.of(cap, Duration.ofMillis(4), 0))) {
            try (Iperf3.Server server = Iperf3.startServer(emulator.commandPrefix(Side.B), IPERF_PORT, Duration.ofSeconds(20))) {
                Iperf3Result result = Iperf3.runClient(emulator.commandPrefix(Side.A), Side.B.address(), IPERF_PORT,
                        Duration.ofSeconds(5), "cubic", 1);
                System.out.printf("100 Mb/s cap: iperf3 cubic received %.1f Mb/s%n", result.receivedMbps());

                assertThat(result.receivedBitsPerSecond()).isBetween(0.8 * cap, 1.0 * cap);
            }
            assertThat(emulator.stats().aToB().forwarded()).isPositive();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeRemovesBothNamespacesAndEndsProcessesStartedInside() throws Exception {
        WanEmulator emulator = WanEmulator.start(LinkProfile.of(10_000_000, Duration.ofMillis(2), 0));
        Process sleeper = emulator.exec(Side.A, "sleep", "60");
        List<String> names = List.of(emulator.namespace(Side.A), emulator.namespace(Side.B));

        emulator.close();

        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(SystemCommand.run("ip", "netns", "list")).doesNotContain(names);
        assertThat(emulator.stats().aToB().ringDrops()).isZero();
    }

    private static double fourSigma(double probability, int trials) {
        return 4 * Math.sqrt(probability * (1 - probability) / trials);
    }

    private static String[] javaCommand(String... arguments) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String[] command = new String[4 + arguments.length];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = UdpEchoProbe.class.getName();
        System.arraycopy(arguments, 0, command, 4, arguments.length);
        return command;
    }

    private static void awaitStderrLine(Process process, String prefix) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(prefix)) {
                return;
            }
        }
        throw new AssertionError("process ended before printing " + prefix);
    }

    private static String lastStdoutLine(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("probe exit status; output: %s", output).isZero();
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
