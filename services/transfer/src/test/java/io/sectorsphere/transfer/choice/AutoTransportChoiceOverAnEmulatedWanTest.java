package io.sectorsphere.transfer.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sectorsphere.wan.LinkProfile;
import io.sectorsphere.wan.Side;
import io.sectorsphere.wan.WanEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code auto} through the WAN emulator, one end in each of its namespaces: a short path that
 * loses packets gets UDT, a short clean one TCP. Both are 2 ms long, below the RTT threshold, so
 * only the loss that the UDT probe measures tells them apart (a TCP PING sees none).
 */
class AutoTransportChoiceOverAnEmulatedWanTest {

    private static final int DATA_PORT = 9521;
    private static final long RATE = 100_000_000;

    @BeforeAll
    static void requireRootAndTun() {
        assumeTrue(WanEmulator.supported(), "the WAN emulator needs root, /dev/net/tun, ip and gcc");
    }

    /** What the choosing end printed, and how many packets crossed the link towards the server. */
    private record Choice(String line, long packetsTowardsServer) {
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void autoPicksUdtOnAShortPathThatLosesPackets() throws Exception {
        Choice choice = chooseOver(LinkProfile.of(RATE, Duration.ofMillis(2), 0.01));

        assertThat(choice.line()).startsWith("chosen=udt ");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void autoPicksTcpOnAShortCleanPath() throws Exception {
        Choice choice = chooseOver(LinkProfile.of(RATE, Duration.ofMillis(2), 0));

        assertThat(choice.line()).startsWith("chosen=tcp ").contains("loss=0.00000");
        assertThat(choice.packetsTowardsServer()).as("the UDT burst crossed the link")
                .isGreaterThan(PathProbe.PROBE_ROUNDS * PathProbe.PROBE_BYTES / 1500);
    }

    /** The line the choosing end printed after measuring the path to the serving end. */
    private static Choice chooseOver(LinkProfile link) throws Exception {
        try (WanEmulator emulator = WanEmulator.start(link)) {
            Process server = emulator.exec(Side.B, java("serve", Side.B.address(), Integer.toString(DATA_PORT), "90"));
            awaitStderrLine(server, "listening port=");
            Process chooser = emulator.exec(Side.A, java("choose", Side.B.address(), Integer.toString(DATA_PORT)));
            String output = new String(chooser.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String errors = new String(chooser.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(chooser.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(chooser.exitValue()).as("chooser exit status; stderr: %s", errors).isZero();
            String[] lines = output.split("\n");
            String last = lines[lines.length - 1];
            System.out.println(link + ": " + last + " | " + emulator.stats() + " | chooser stderr: " + errors);
            return new Choice(last, emulator.stats().aToB().packetsIn());
        }
    }

    private static String[] java(String... arguments) {
        String[] command = new String[5 + arguments.length];
        command[0] = ProcessHandle.current().info().command().orElseThrow();
        command[1] = "-Dorg.slf4j.simpleLogger.log.io.sectorsphere.transfer.choice=debug";
        command[2] = "-cp";
        command[3] = System.getProperty("java.class.path");
        command[4] = PathProbeEnds.class.getName();
        System.arraycopy(arguments, 0, command, 5, arguments.length);
        return command;
    }

    private static void awaitStderrLine(Process process, String prefix) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(prefix)) {
                return;
            }
        }
        throw new AssertionError("the serving end ended before printing " + prefix);
    }
}
