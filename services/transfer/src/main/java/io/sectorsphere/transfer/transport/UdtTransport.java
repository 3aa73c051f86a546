package io.sectorsphere.transfer.transport;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.UdtStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data protocol over UDT: for long or lossy paths, where TCP cannot fill the link. Connections
 * out share one UDP endpoint bound to {@code clientBind}; each listener binds an endpoint of its own.
 */
public final class UdtTransport implements DataTransport {

    private static final Logger log = LoggerFactory.getLogger(UdtTransport.class);
    private static final Duration ACCEPT_POLL = Duration.ofMillis(500);

    private final InetSocketAddress clientBind;
    private final UdtEndpointConfig config;
    private final UdtSocketOptions options;
    private UdtEndpoint client;

    /**
     * @param clientBind where the endpoint for connections out binds, usually the node's host, port 0
     * @param options    the connections' options: congestion control, MSS, buffers, rate cap
     */
    public UdtTransport(InetSocketAddress clientBind, UdtEndpointConfig config, UdtSocketOptions options) {
        this.clientBind = clientBind;
        this.config = config;
        this.options = options;
    }

    @Override
    public String name() {
        return UDT;
    }

    @Override
    public DataConnection connect(InetSocketAddress remote) throws IOException {
        return new UdtConnection(clientEndpoint().connect(remote, options));
    }

    private synchronized UdtEndpoint clientEndpoint() throws IOException {
        if (client == null) {
            client = UdtEndpoint.open(clientBind, config);
        }
        return client;
    }

    @Override
    public DataListener listen(InetSocketAddress bind, ConnectionHandler handler) throws IOException {
        UdtEndpoint endpoint = UdtEndpoint.open(bind, config);
        endpoint.listen(options);
        return new UdtListener(endpoint, handler);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static final class UdtListener implements DataListener {

        private final UdtEndpoint endpoint;
        private final OpenConnections connections = new OpenConnections();
        private volatile boolean open = true;

        UdtListener(UdtEndpoint endpoint, ConnectionHandler handler) {
            this.endpoint = endpoint;
            Thread.ofVirtual().name("udt-accept-" + endpoint.localAddress().getPort()).start(() -> acceptLoop(handler));
        }

        private void acceptLoop(ConnectionHandler handler) {
            while (open) {
                try {
                    UdtSocket socket = endpoint.accept(ACCEPT_POLL);
                    if (socket != null) {
                        connections.serve(new UdtConnection(socket), handler, "udt-data-" + socket.remoteAddress());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    if (open) {
                        log.warn("accepting a UDT data connection failed: {}", e.toString());
                    }
                }
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return endpoint.localAddress();
        }

        @Override
        public void close() {
            open = false;
            connections.closeAll();
            endpoint.close();
        }
    }

    private static final class UdtConnection extends BufferedDataConnection {

        private final UdtSocket socket;

        UdtConnection(UdtSocket socket) {
            super(socket.inputStream(), socket.outputStream());
            this.socket = socket;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return socket.remoteAddress();
        }

        @Override
        public String transport() {
            return UDT;
        }

        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public Optional<PathQuality> pathQuality() {
            UdtStats stats = socket.stats();
            if (stats.rttMillis() <= 0) {
                return Optional.empty();
            }
            double loss = stats.packetsSent() == 0 ? 0
                    : Math.min(1, (double) stats.packetsSendLoss() / stats.packetsSent());
            return Optional.of(new PathQuality(stats.rttMillis(), loss));
        }

        @Override
        public void close() {
            // Abort, not close: close lingers for unacknowledged data, and a connection is only
            // closed here when it is broken or no longer wanted.
            try {
                socket.abort();
            } catch (RuntimeException e) {
                // The endpoint is already gone, and the connection with it.
                log.debug("aborting a UDT connection failed", e);
            }
        }
    }
}
