package io.sectorsphere.bench.transfer;

import io.sectorsphere.bench.process.HeapPoller;
import io.sectorsphere.bench.process.ServiceProcess;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.UdtTransport;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code memory} case: one transfer agent in its own JVM ({@code -Xmx256m}, direct memory
 * capped) serving {@value #TRANSFERS} concurrent UDT downloads of one file. Heap used is the larger
 * of {@code jvm.memory.used{area=heap}} polled every 100 ms and the GC log's before-collection
 * sizes; direct memory is Native Memory Tracking's peak of "Other" (where direct buffers live).
 */
public final class AgentMemoryCase {

    static final int TRANSFERS = 8;
    static final long FILE_BYTES = 128L << 20;
    static final int DIRECT_LIMIT_MIB = 192;
    private static final String FILE_NAME = "bench/memory.bin";
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);
    private static final double MIB = 1 << 20;

    private AgentMemoryCase() {
    }

    public static String run(String name, BenchFiles files) throws Exception {
        Path directory = files.directory("agent-memory");
        Path data = directory.resolve("data");
        files.randomFile(data.resolve(FILE_NAME), FILE_BYTES);
        String secret = files.secret();
        int dataPort = BenchFiles.freePort();
        try (ServiceProcess agent = ServiceProcess.start("agent", directory,
                "io.sectorsphere.transfer.agent.TransferAgentApplication",
                List.of("-XX:MaxDirectMemorySize=" + DIRECT_LIMIT_MIB + "m"),
                List.of("--sector.transfer.data-dir=" + data, "--sector.transfer.secret=" + secret,
                        "--sector.transfer.data-port=" + dataPort, "--sector.transfer.advertised-host=127.0.0.1"),
                null, true);
             UdtTransport udt = new UdtTransport(new InetSocketAddress("127.0.0.1", 0), UdtEndpointConfig.defaults(),
                     UdtSocketOptions.defaults());
             ConnectionCache cache = new ConnectionCache(TRANSFERS, TRANSFERS, Duration.ofMinutes(1), Clock.systemUTC())) {
            DataClient client = new DataClient(cache);
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", dataPort);
            String ticket = new TicketSigner(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                    .sign(TicketOperation.READ, FILE_NAME, 0, FILE_BYTES, Duration.ofMinutes(10));
            download(client, udt, remote, ticket, new AtomicLong()); // warm-up, one transfer alone
            HeapPoller poller = new HeapPoller(agent);
            int gcMark = agent.gcLogLines();
            Thread polling = Thread.ofPlatform().daemon().name("agent-heap-poller").start(poller);
            AtomicLong bytes = new AtomicLong();
            long begun = System.nanoTime();
            List<String> failures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(TRANSFERS)) {
                List<Future<?>> transfers = new ArrayList<>();
                for (int i = 0; i < TRANSFERS; i++) {
                    transfers.add(pool.submit(() -> {
                        download(client, udt, remote, ticket, bytes);
                        return null;
                    }));
                }
                for (Future<?> transfer : transfers) {
                    try {
                        transfer.get(TRANSFER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failures.add(String.valueOf(e.getCause() == null ? e : e.getCause()));
                        transfer.cancel(true);
                    }
                }
            }
            long elapsed = System.nanoTime() - begun;
            poller.stop();
            polling.join();
            if (!failures.isEmpty()) {
                System.err.println("bench/udt memory: failed transfers " + failures + "\n" + agent.logTail());
            }
            double maxHeap = Math.max(poller.maxHeapBytes(), agent.gcPeakHeapBytesSince(gcMark).orElse(0));
            OptionalLong direct = agent.peakDirectBytes();
            OptionalLong rss = agent.peakRssBytes();
            return String.format(Locale.ROOT, "case=%s transfers=%d ok=%d file_mib=%d max_heap_mib=%.0f limit_mib=%d"
                            + " peak_direct_mib=%s direct_limit_mib=%d peak_rss_mib=%s aggregate_mbps=%.0f heap_samples=%d",
                    name, TRANSFERS, TRANSFERS - failures.size(), FILE_BYTES >> 20, maxHeap / MIB,
                    ServiceProcess.HEAP_LIMIT_MIB,
                    direct.isPresent() ? String.format(Locale.ROOT, "%.1f", direct.getAsLong() / MIB) : "n/a",
                    DIRECT_LIMIT_MIB, rss.isPresent() ? Long.toString(rss.getAsLong() >> 20) : "n/a",
                    bytes.get() * 8 / (elapsed / 1e9) / 1e6, poller.samples());
        } finally {
            files.delete(directory);
        }
    }

    private static void download(DataClient client, UdtTransport udt, InetSocketAddress remote, String ticket,
                                 AtomicLong bytes) throws IOException {
        try (FileChannel sink = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
            client.read(udt, remote, ticket, FILE_NAME, 0, FILE_BYTES, sink, 0, ByteRateLimiter.unlimited(),
                    bytes::addAndGet);
        }
    }
}
