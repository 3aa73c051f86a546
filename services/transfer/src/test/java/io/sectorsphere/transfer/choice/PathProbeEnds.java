package io.sectorsphere.transfer.choice;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.DataListener;
import io.sectorsphere.transfer.transport.PathQuality;
import io.sectorsphere.transfer.transport.TcpTransport;
import io.sectorsphere.transfer.transport.UdtTransport;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The two ends of {@code AutoTransportChoiceOverAnEmulatedWanTest}, each run in a network
 * namespace of the emulator:
 * <pre>
 * PathProbeEnds serve HOST PORT SECONDS   an agent's data port (TCP and UDT on PORT), for SECONDS
 * PathProbeEnds choose HOST PORT          measures the path as {@code auto} does and prints
 *                                         "chosen=udt|tcp rtt_ms=R loss=L"
 * </pre>
 */
final class PathProbeEnds {

    private static final byte[] SECRET = "a cluster secret of 32 bytes....".getBytes(StandardCharsets.US_ASCII);
    /** The agents' threshold: UDT beyond 5 ms of round trip or at any loss. */
    private static final TransportChooser AGENTS_CHOICE = new TransportChooser(5, 0, true);

    private PathProbeEnds() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        if (args[0].equals("serve")) {
            serve(address, Duration.ofSeconds(Long.parseLong(args[3])));
        } else {
            choose(address);
        }
        System.exit(0);
    }

    private static void serve(InetSocketAddress address, Duration lifetime) throws Exception {
        FileRequestHandler handler = new FileRequestHandler(new FileArea(Files.createTempDirectory("probe-target")),
                new TicketSigner(SECRET, Clock.systemUTC()), new SimpleMeterRegistry());
        try (TcpTransport tcp = new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(30));
             UdtTransport udt = new UdtTransport(address, UdtEndpointConfig.defaults(), UdtSocketOptions.defaults());
             DataListener overTcp = tcp.listen(address, handler);
             DataListener overUdt = udt.listen(address, handler)) {
            System.err.println("listening port=" + address.getPort());
            Thread.sleep(lifetime.toMillis());
        }
    }

    private static void choose(InetSocketAddress target) throws Exception {
        InetSocketAddress anyPort = new InetSocketAddress("0.0.0.0", 0);
        try (ConnectionCache cache = new ConnectionCache(2, 4, Duration.ofMinutes(1), Clock.systemUTC());
             TcpTransport tcp = new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(30));
             UdtTransport probing = new UdtTransport(anyPort, UdtEndpointConfig.defaults(),
                     PathProbe.probeOptions(UdtSocketOptions.defaults()))) {
            PathQuality quality = new PathProbe(new DataClient(cache), tcp, () -> probing).measure(target);
            String chosen = AGENTS_CHOICE.choose(TransportPreference.AUTO, Optional.of(quality));
            System.out.printf(Locale.ROOT, "chosen=%s rtt_ms=%.2f loss=%.5f%n", chosen, quality.rttMillis(), quality.lossRate());
        }
    }
}
