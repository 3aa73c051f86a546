package io.sectorsphere.bench.udt;

import io.sectorsphere.udt.interop.Iperf3;
import io.sectorsphere.udt.interop.Iperf3Result;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** An iperf3 TCP flow: a one-shot server on the receiving side, a JSON-reporting client sending. */
final class TcpFlow implements Flow {

    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(40);

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
