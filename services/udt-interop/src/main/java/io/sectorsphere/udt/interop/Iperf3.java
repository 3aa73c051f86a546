package io.sectorsphere.udt.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs iperf3, the TCP yardstick: a one-shot server and a JSON-reporting client, each optionally
 * behind a prefix such as {@code ip netns exec <namespace>}.
 */
public final class Iperf3 {

    /** Slack beyond the test duration for connection setup and the final exchange of results. */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(20);

    private Iperf3() {
    }

    public static boolean available() {
        return NativeBuild.onPath("iperf3");
    }

    /**
     * Starts {@code iperf3 -s -1 -p port} and returns once it says it is listening; it serves one
     * client and exits.
     */
    public static Server startServer(List<String> prefix, int port, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("iperf3", "-s", "-1", "-p", Integer.toString(port), "--forceflush"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Server server = new Server(process);
        server.awaitListening(timeout);
        return server;
    }

    /**
     * Runs a client for {@code duration} with {@code streams} parallel TCP streams using congestion
     * control {@code congestion} (e.g. cubic, bbr) and returns the parsed totals.
     */
    public static Iperf3Result runClient(List<String> prefix, String host, int port, Duration duration,
                                         String congestion, int streams) throws IOException, InterruptedException {
        return runClient(prefix, host, port, duration, congestion, streams, List.of());
    }

    /** Like the other {@code runClient}, with further iperf3 options appended (e.g. {@code -M 1460}). */
    public static Iperf3Result runClient(List<String> prefix, String host, int port, Duration duration,
                                         String congestion, int streams, List<String> extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("iperf3", "-c", host, "-p", Integer.toString(port),
                "-t", Long.toString(Math.max(1, duration.toSeconds())), "-C", congestion,
                "-P", Integer.toString(streams), "-J"));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process),
                    task -> Thread.ofVirtual().start(task));
            if (!process.waitFor(duration.plus(CLIENT_GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("iperf3 client did not finish within " + duration.plus(CLIENT_GRACE));
            }
            return Iperf3Result.parse(output.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read iperf3 output", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running one-shot iperf3 server; closing it ends the process if it still runs. */
    public static final class Server implements AutoCloseable {

        private final Process process;
        private final CompletableFuture<Void> listening = new CompletableFuture<>();
        private final StringBuilder output = new StringBuilder();

        private Server(Process process) {
            this.process = process;
            Thread.ofVirtual().name("iperf3-server-" + process.pid()).start(this::drain);
        }

        public Process process() {
            return process;
        }

        /** Waits until the server exits by itself after its one client; false on timeout. */
        public boolean awaitExit(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            Processes.end(process);
        }

        private void awaitListening(Duration timeout) throws IOException, InterruptedException {
            try {
                listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                close();
                throw new IOException("iperf3 server did not start listening: " + snapshot(), e);
            }
        }

        private void drain() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("Server listening")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("iperf3 server exited"));
        }

        private String snapshot() {
            synchronized (output) {
                return output.toString();
            }
        }
    }
}
