package io.sectorsphere.transfer.agent.data;

import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.transport.DataListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The agent's data listeners: TCP on the data port, then UDT on the same port number over UDP
 * (with port 0, whatever TCP was given). Started before the web server takes requests, stopped
 * after; stopping ends every data connection, as a node going down would.
 */
public final class DataPlane implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DataPlane.class);

    private final Transports transports;
    private final FileRequestHandler handler;
    private final String bindHost;
    private final String advertisedHost;
    private final int configuredPort;
    private final List<DataListener> listeners = new ArrayList<>();
    private volatile int port = -1;

    public DataPlane(Transports transports, FileRequestHandler handler, String bindHost, String advertisedHost,
                     int configuredPort) {
        this.transports = transports;
        this.handler = handler;
        this.bindHost = bindHost;
        this.advertisedHost = advertisedHost;
        this.configuredPort = configuredPort;
    }

    @Override
    public synchronized void start() {
        try {
            DataListener tcp = transports.tcp().listen(new InetSocketAddress(bindHost, configuredPort), handler);
            listeners.add(tcp);
            int bound = tcp.localAddress().getPort();
            if (transports.udtAvailable()) {
                listeners.add(transports.udtForListening().listen(new InetSocketAddress(bindHost, bound), handler));
            }
            port = bound;
            log.info("transfer data on {}:{} (tcp{})", advertisedHost, bound, transports.udtAvailable() ? ", udt" : "");
        } catch (IOException e) {
            listeners.forEach(DataListener::close);
            listeners.clear();
            throw new UncheckedIOException("cannot listen for data on " + bindHost + ":" + configuredPort, e);
        }
    }

    @Override
    public synchronized void stop() {
        listeners.forEach(DataListener::close);
        listeners.clear();
        port = -1;
    }

    @Override
    public boolean isRunning() {
        return port >= 0;
    }

    /** Before the web server (phase {@code Integer.MAX_VALUE - 1024}) starts, after it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /** {@code host:port} of this agent's data listeners, as other agents reach them. */
    public String dataAddress() {
        if (port < 0) {
            throw new IllegalStateException("the data plane is not running");
        }
        return advertisedHost + ":" + port;
    }

    public boolean isSelf(String hostPort) {
        return port >= 0 && dataAddress().equals(hostPort);
    }
}
