package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.interop.Iperf3;
import io.sectorsphere.udt.interop.Iperf3Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An iperf3 TCP flow: a one-shot server on the receiving side, a JSON-reporting client sending.
 * Bytes delivered so far are the receiving sockets' {@code bytes_received} as {@code ss} shows them.
 */
final class TcpFlow implements Flow {

    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(40);
    private static final Duration SS_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern BYTES_RECEIVED = Pattern.compile("bytes_received:(\\d+)");

    private final NetworkPath path;
    private final int port;
    private final Duration duration;
    private final String congestion;
    private final int streams;
    private final List<String> extraArgs;
    private final Iperf3.Server server;
    private CompletableFuture<Iperf3Result> client;

    TcpFlow(NetworkPath path, int port, Duration duration, String congestion, int streams, List<String> extraArgs)
            throws Exception {
        this.path = path;
        this.port = port;
        this.duration = duration;
        this.congestion = congestion;
        this.streams = streams;
        this.extraArgs = List.copyOf(extraArgs);
        this.server = Iperf3.startServer(path.receiverPrefix(), port, LISTEN_TIMEOUT);
    }

    @Override
    public void begin() {
        client = CompletableFuture.supplyAsync(() -> {
            try {
                return Iperf3.runClient(path.senderPrefix(), path.receiverHost(), port, duration, congestion, streams, extraArgs);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, task -> Thread.ofVirtual().name("iperf3-client-" + port).start(task));
    }

    @Override
    public long deliveredBytes() throws IOException {
        List<String> command = new ArrayList<>(path.receiverPrefix());
        command.addAll(List.of("ss", "-tinH", "state", "established", "( sport = :" + port + " )"));
        Process ss = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(SS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || ss.exitValue() != 0) {
                throw new IOException("ss failed: " + output.strip());
            }
            return sumBytesReceived(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ss ran", e);
        } finally {
            ss.destroyForcibly();
        }
    }

    /** The sum over every socket {@code ss -i} lists (iperf3's control connection carries next to nothing). */
    static long sumBytesReceived(String ssOutput) {
        long sum = 0;
        Matcher matcher = BYTES_RECEIVED.matcher(ssOutput);
        while (matcher.find()) {
            sum += Long.parseLong(matcher.group(1));
        }
        return sum;
    }

    @Override
    public FlowResult await() throws Exception {
        try {
            Iperf3Result result = client.get(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            // iperf3's totals give a rate, not the byte count; CPU is not measured for TCP.
            return new FlowResult(result.receivedMbps(), (long) (result.receivedBitsPerSecond() / 8 * duration.toSeconds()), Double.NaN);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
