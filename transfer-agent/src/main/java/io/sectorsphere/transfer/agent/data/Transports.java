package io.sectorsphere.transfer.agent.data;

import io.micrometer.core.instrument.MeterRegistry;
import io.sectorsphere.transfer.agent.config.AgentProperties;
import io.sectorsphere.transfer.choice.PathProbe;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.TcpTransport;
import io.sectorsphere.transfer.transport.UdtAvailability;
import io.sectorsphere.transfer.transport.UdtTransport;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.cc.CongestionControls;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This agent's transports: TCP always, UDT when enabled and the engine works here, one UDT
 * transport per congestion controller asked for (a controller is chosen per transfer).
 */
public final class Transports implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Transports.class);

    private final TcpTransport tcp;
    private final boolean udtAvailable;
    private final String defaultCongestionControl;
    private final UdtSocketOptions udtOptions;
    private final UdtEndpointConfig udtConfig;
    private final InetSocketAddress clientBind;
    private final Map<String, UdtTransport> udt = new ConcurrentHashMap<>();
    private UdtTransport udtProbe;

    public Transports(AgentProperties properties, String bindHost, MeterRegistry meters) {
        this.tcp = new TcpTransport(properties.tcp().connectTimeout(), properties.tcp().readTimeout());
        this.clientBind = new InetSocketAddress(bindHost, 0);
        this.defaultCongestionControl = properties.udt().congestionControl() != null
                ? properties.udt().congestionControl() : CongestionControls.DEFAULT;
        CongestionControls.create(defaultCongestionControl);
        int window = properties.udt().windowPackets();
        UdtSocketOptions socket = UdtSocketOptions.defaults().withMss(properties.udt().mss());
        socket = window > 0 ? socket.withBuffers(window, window, window)
                : socket.withMemoryBudget(properties.udt().memoryBudget().toBytes());
        this.udtOptions = socket.withCongestionControl(defaultCongestionControl);
        this.udtConfig = UdtEndpointConfig.defaults().withMeterRegistry(meters);
        boolean engine = properties.udt().enabled() && UdtAvailability.probe(bindHost);
        if (properties.udt().enabled() && !engine) {
            log.warn("the UDT engine is not available in this build: transfers use TCP only");
        }
        this.udtAvailable = engine;
    }

    public boolean udtAvailable() {
        return udtAvailable;
    }

    public TcpTransport tcp() {
        return tcp;
    }

    /**
     * The transport {@code name} ({@code tcp} or {@code udt}); for UDT with congestion control {@code cc},
     * null for the configured default.
     */
    public DataTransport get(String name, String cc) {
        if (DataTransport.TCP.equals(name)) {
            return tcp;
        }
        if (!DataTransport.UDT.equals(name) || !udtAvailable) {
            throw new IllegalStateException("transport " + name + " is not available on this node");
        }
        String controller = cc == null ? defaultCongestionControl : cc;
        return udt.computeIfAbsent(controller, chosen -> new UdtTransport(clientBind, udtConfig,
                udtOptions.withCongestionControl(chosen)));
    }

    /** The UDT transport that probes paths ({@link PathProbe#probeOptions}), or null without UDT. */
    public synchronized DataTransport udtProbe() {
        if (udtAvailable && udtProbe == null) {
            udtProbe = new UdtTransport(clientBind, udtConfig, PathProbe.probeOptions(udtOptions));
        }
        return udtProbe;
    }

    /** The UDT transport listeners use: the default congestion control. */
    public DataTransport udtForListening() {
        return get(DataTransport.UDT, null);
    }

    @Override
    public void close() {
        udt.values().forEach(UdtTransport::close);
        synchronized (this) {
            if (udtProbe != null) {
                udtProbe.close();
            }
        }
        tcp.close();
    }
}
