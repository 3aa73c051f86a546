package io.sectorsphere.storage.transfer;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.cluster.FileMetas;
import io.sectorsphere.transfer.choice.PathProbe;
import io.sectorsphere.transfer.choice.TransportChooser;
import io.sectorsphere.transfer.choice.TransportPreference;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.PathQuality;
import io.sectorsphere.transfer.transport.TcpTransport;
import io.sectorsphere.transfer.transport.UdtAvailability;
import io.sectorsphere.transfer.transport.UdtTransport;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads another holder's copy of a file through its transfer agent, for replica copies: this node
 * signs its own read ticket with the cluster secret, measures the path and reads over TCP or UDT
 * as the path suits. Empty whenever that is not possible (no secret here, the holder publishes no
 * agent, the agent does not answer), so the caller reads over HTTP instead.
 */
@Component
public class AgentReads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentReads.class);
    private static final double UDT_ABOVE_RTT_MILLIS = 5;

    private final TicketSigner signer;
    private final FileMetas metas;
    private final TransferProperties properties;
    private final TcpTransport tcp = new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(30));
    private final ConnectionCache cache = new ConnectionCache(2, 32, Duration.ofMinutes(1), Clock.systemUTC());
    private final DataClient client = new DataClient(cache);
    private final PathProbe probe = new PathProbe(client, tcp, this::udtProbe);
    private UdtTransport udt;
    private UdtTransport udtProbe;
    private TransportChooser chooser;

    AgentReads(ObjectProvider<TicketSigner> signer, FileMetas metas, TransferProperties properties) {
        this.signer = signer.getIfAvailable();
        this.metas = metas;
        this.properties = properties;
    }

    /** The content of {@code name} from the agent of the holder whose HTTP address is {@code source}. */
    public Optional<AgentRead> open(FileName name, String source) {
        if (signer == null) {
            return Optional.empty();
        }
        try {
            FileMeta meta = metas.meta(name);
            Optional<Replica> holder = meta.replicas().stream()
                    .filter(replica -> sameAddress(replica.httpAddress(), source) && replica.udtAddress() != null)
                    .findFirst();
            if (holder.isEmpty()) {
                return Optional.empty();
            }
            String agent = holder.get().udtAddress();
            InetSocketAddress address = address(agent);
            PathQuality quality = probe.measure(address);
            DataTransport transport = transport(quality);
            String ticket = signer.sign(TicketOperation.READ, name.value(), 0, meta.size(), properties.ticketTtl());
            try {
                InputStream content = client.openRange(transport, address, ticket, name.value(), 0, meta.size());
                return Optional.of(new AgentRead(content, meta.size(), agent, transport.name()));
            } catch (IOException e) {
                if (transport == tcp) {
                    throw e;
                }
                // The agent answered over TCP a moment ago: UDT may be off there, TCP is not.
                InputStream content = client.openRange(tcp, address, ticket, name.value(), 0, meta.size());
                return Optional.of(new AgentRead(content, meta.size(), agent, tcp.name()));
            }
        } catch (IOException | RuntimeException e) {
            log.info("replica of {} from {} goes over HTTP: its agent cannot serve it ({})", name, source,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private synchronized DataTransport transport(PathQuality quality) {
        if (chooser == null) {
            chooser = new TransportChooser(UDT_ABOVE_RTT_MILLIS, 0, UdtAvailability.probe("0.0.0.0"));
        }
        if (DataTransport.TCP.equals(chooser.choose(TransportPreference.AUTO, Optional.of(quality)))) {
            return tcp;
        }
        if (udt == null) {
            udt = new UdtTransport(new InetSocketAddress("0.0.0.0", 0), UdtEndpointConfig.defaults(),
                    UdtSocketOptions.defaults());
        }
        return udt;
    }

    private synchronized DataTransport udtProbe() {
        if (udtProbe == null && UdtAvailability.probe("0.0.0.0")) {
            udtProbe = new UdtTransport(new InetSocketAddress("0.0.0.0", 0), UdtEndpointConfig.defaults(),
                    PathProbe.probeOptions(UdtSocketOptions.defaults()));
        }
        return udtProbe;
    }

    private static boolean sameAddress(String httpAddress, String source) {
        return httpAddress != null && strip(httpAddress).equals(strip(source));
    }

    private static String strip(String url) {
        return url.replaceAll("/+$", "");
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public synchronized void destroy() {
        cache.close();
        if (udt != null) {
            udt.close();
        }
        if (udtProbe != null) {
            udtProbe.close();
        }
    }
}
