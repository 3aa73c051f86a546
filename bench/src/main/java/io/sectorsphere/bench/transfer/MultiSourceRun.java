package io.sectorsphere.bench.transfer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.multisource.DownloadReport;
import io.sectorsphere.transfer.multisource.DownloadRequest;
import io.sectorsphere.transfer.multisource.MultiSourceDownload;
import io.sectorsphere.transfer.multisource.Source;
import io.sectorsphere.transfer.multisource.SourceReport;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.DataListener;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.TcpTransport;
import io.sectorsphere.transfer.transport.UdtTransport;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client side of the {@code multisource} case, run inside the case's network namespace: three
 * data servers on {@code 127.0.0.21..23} serve the same file (the namespace's loopback caps each
 * address's rate), and one multi-source download fetches it from all three, verified by SHA-256.
 * Prints {@code done bytes=… seconds=…} and one {@code source=…} line per source.
 *
 * <p>Arguments: data directory, file name, size, SHA-256, transport ({@code udt} or {@code tcp}), secret.
 */
public final class MultiSourceRun {

    static final List<String> SOURCES = List.of("127.0.0.21", "127.0.0.22", "127.0.0.23");
    static final int DATA_PORT = 6301;

    private MultiSourceRun() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String name = args[1];
        long size = Long.parseLong(args[2]);
        String sha256 = args[3];
        String transportName = args[4];
        TicketSigner signer = new TicketSigner(args[5].getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        Path staging = Files.createDirectories(data.resolveSibling("download"));
        List<DataListener> listeners = new ArrayList<>();
        try (DataTransport transport = transport(transportName, "127.0.0.1");
             ConnectionCache cache = new ConnectionCache(4, 16, Duration.ofMinutes(1), Clock.systemUTC())) {
            FileRequestHandler handler = new FileRequestHandler(new FileArea(data), signer, new SimpleMeterRegistry());
            List<Source> sources = new ArrayList<>();
            for (String host : SOURCES) {
                DataTransport serving = transport(transportName, host);
                listeners.add(serving.listen(new InetSocketAddress(host, DATA_PORT), handler));
                sources.add(new Source(host, transport, new InetSocketAddress(host, DATA_PORT)));
            }
            String ticket = signer.sign(TicketOperation.READ, name, 0, size, Duration.ofMinutes(10));
            Path target = staging.resolve("fetched.bin");
            DownloadRequest request = new DownloadRequest(name, ticket, size, sha256, sources, staging,
                    verified -> Files.move(verified, target, StandardCopyOption.REPLACE_EXISTING),
                    ByteRateLimiter.unlimited(), bytes -> { });
            DownloadReport report = new MultiSourceDownload(new DataClient(cache), MultiSourceDownload.Settings.defaults())
                    .download(request);
            System.out.printf(Locale.ROOT, "done bytes=%d seconds=%.3f%n", report.bytes(), report.elapsedNanos() / 1e9);
            for (SourceReport source : report.sources()) {
                System.out.printf(Locale.ROOT, "source=%s bytes=%d active_seconds=%.3f ranges=%d failure=%s%n",
                        source.label(), source.bytes(), source.activeNanos() / 1e9, source.ranges(),
                        source.failure() == null ? "none" : source.failure().replace(' ', '_'));
            }
            Files.delete(target);
        } finally {
            listeners.forEach(DataListener::close);
        }
        System.exit(0);
    }

    /** Each server gets a transport of its own, so the UDT ones bind to their own address. */
    private static DataTransport transport(String name, String host) {
        return switch (name) {
            case DataTransport.TCP -> new TcpTransport(Duration.ofSeconds(5), Duration.ofSeconds(60));
            case DataTransport.UDT -> new UdtTransport(new InetSocketAddress(host, 0), UdtEndpointConfig.defaults(),
                    UdtSocketOptions.defaults());
            default -> throw new IllegalArgumentException("transport must be tcp or udt: " + name);
        };
    }
}
