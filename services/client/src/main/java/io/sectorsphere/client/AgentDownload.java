package io.sectorsphere.client;

import io.sectorsphere.transfer.choice.PathProbe;
import io.sectorsphere.transfer.choice.TransportChooser;
import io.sectorsphere.transfer.choice.TransportPreference;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.multisource.DownloadReport;
import io.sectorsphere.transfer.multisource.DownloadRequest;
import io.sectorsphere.transfer.multisource.MultiSourceDownload;
import io.sectorsphere.transfer.multisource.Source;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.PathQuality;
import io.sectorsphere.transfer.transport.TcpTransport;
import io.sectorsphere.transfer.transport.UdtAvailability;
import io.sectorsphere.transfer.transport.UdtTransport;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.cc.CongestionControls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads a file from every holder's transfer agent at once (seeds 000 §4, 003) with a ticket a
 * storage node granted: each path measured by a ping and given TCP or UDT, ranges handed out by
 * each source's rate, the whole verified against the checksum and renamed into place only then.
 */
public final class AgentDownload implements AutoCloseable {

    /** Above this round-trip time, or at any loss, a path goes over UDT unless the caller chose. */
    private static final double UDT_ABOVE_RTT_MILLIS = 5;

    /**
     * @param transport      auto, tcp or udt
     * @param cc             UDT congestion control, null for the engine's default
     * @param rateLimit      bytes per second over all sources, 0 for none
     * @param windowPackets  UDT flow window and buffers in packets, 0 for the engine's default
     * @param resume         go on from what a {@code TARGET.part} holds, as an HTTP download would
     */
    public record Options(TransportPreference transport, String cc, long rateLimit, int windowPackets,
                          boolean resume) {

        public Options {
            if (cc != null) {
                CongestionControls.create(cc);
            }
            if (rateLimit < 0) {
                throw new IllegalArgumentException("a rate limit must not be negative");
            }
            if (windowPackets != 0 && windowPackets < 32) {
                throw new IllegalArgumentException("a UDT window must be at least 32 packets");
            }
        }
    }

    /** What the download used, for a progress line. */
    public interface PathListener {
        /** Called once the sources are measured: the longest round-trip time and each source's transport. */
        void paths(double rttMillis, List<String> transports);
    }

    private final Options options;
    private final TcpTransport tcp = new TcpTransport(Duration.ofSeconds(3), Duration.ofSeconds(30));
    private final ConnectionCache cache = new ConnectionCache(4, 16, Duration.ofMinutes(1), Clock.systemUTC());
    private final DataClient client = new DataClient(cache);
    private final PathProbe probe = new PathProbe(client, tcp, this::udtProbe);
    private UdtTransport udt;
    private UdtTransport udtProbe;

    public AgentDownload(Options options) {
        this.options = options;
    }

    /**
     * Keeps the file at {@code TARGET.part} until it is whole and verified, so that an interrupted
     * download (over the agents or over HTTP) can be resumed from there.
     *
     * @throws IOException if no agent answers, every source fails, or the content does not match;
     *     nothing is left at {@code target} then, and at {@code TARGET.part} at most a prefix to resume from
     */
    public DownloadReport download(ReadGrant grant, Path target, TransferListener listener, PathListener paths)
            throws IOException {
        List<Source> sources = measuredSources(grant, paths);
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        if (!options.resume()) {
            Files.deleteIfExists(part);
        }
        AtomicLong done = new AtomicLong();
        listener.progress(0, grant.size());
        String sha256 = grant.checksum().substring(grant.checksum().indexOf(':') + 1).toLowerCase();
        return new MultiSourceDownload(client, MultiSourceDownload.Settings.defaults()).download(new DownloadRequest(
                grant.name(), grant.ticket(), grant.size(), sha256, sources, directory,
                verified -> Files.move(verified, target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE),
                ByteRateLimiter.of(options.rateLimit()),
                bytes -> listener.progress(done.addAndGet(bytes), grant.size()), part));
    }

    private List<Source> measuredSources(ReadGrant grant, PathListener paths) throws IOException {
        TransportChooser chooser = new TransportChooser(UDT_ABOVE_RTT_MILLIS, 0, udtAvailable());
        List<Source> sources = new ArrayList<>();
        List<String> transports = new ArrayList<>();
        double longest = 0;
        IOException last = null;
        for (String agent : grant.agents()) {
            InetSocketAddress address = address(agent);
            try {
                PathQuality quality = options.transport() == TransportPreference.AUTO
                        ? probe.measure(address) : client.ping(tcp, address);
                longest = Math.max(longest, quality.rttMillis());
                String chosen = chooser.choose(options.transport(), Optional.of(quality));
                DataTransport transport = DataTransport.UDT.equals(chosen) ? udt() : tcp;
                sources.add(new Source(agent, transport, address));
                transports.add(chosen);
            } catch (IOException e) {
                last = e;
            }
        }
        if (sources.isEmpty()) {
            throw new IOException("no transfer agent of " + grant.name() + " answers"
                    + (last != null ? ": " + last.getMessage() : ""), last);
        }
        paths.paths(longest, transports);
        return sources;
    }

    private boolean udtAvailable() {
        return UdtAvailability.probe("0.0.0.0");
    }

    private synchronized DataTransport udt() {
        if (udt == null) {
            UdtSocketOptions socket = UdtSocketOptions.defaults();
            if (options.windowPackets() > 0) {
                int window = options.windowPackets();
                socket = socket.withBuffers(window, window, window);
            }
            udt = new UdtTransport(new InetSocketAddress("0.0.0.0", 0), UdtEndpointConfig.defaults(),
                    options.cc() != null ? socket.withCongestionControl(options.cc()) : socket);
        }
        return udt;
    }

    private synchronized DataTransport udtProbe() {
        if (udtProbe == null && udtAvailable()) {
            udtProbe = new UdtTransport(new InetSocketAddress("0.0.0.0", 0), UdtEndpointConfig.defaults(),
                    PathProbe.probeOptions(UdtSocketOptions.defaults()));
        }
        return udtProbe;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public synchronized void close() {
        cache.close();
        if (udt != null) {
            udt.close();
        }
        if (udtProbe != null) {
            udtProbe.close();
        }
    }
}
