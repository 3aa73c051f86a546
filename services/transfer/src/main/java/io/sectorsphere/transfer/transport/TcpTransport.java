package io.sectorsphere.transfer.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data protocol over plain TCP sockets, blocking, one virtual thread per connection. The best
 * choice on short, clean paths (a LAN, loopback), where TCP already fills the link.
 */
public final class TcpTransport implements DataTransport {

    private static final Logger log = LoggerFactory.getLogger(TcpTransport.class);
    /** Enough for about 1 Gb/s at 30 ms before the kernel's own autotuning takes over. */
    private static final int SOCKET_BUFFER = 4 << 20;

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param connectTimeout how long a connection attempt may take
     * @param readTimeout    how long a read may wait for the peer before the connection is given up
     */
    public TcpTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public String name() {
        return TCP;
    }

    @Override
    public DataConnection connect(InetSocketAddress remote) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(SOCKET_BUFFER);
            socket.setSendBufferSize(SOCKET_BUFFER);
            socket.connect(remote, Math.toIntExact(connectTimeout.toMillis()));
            return new TcpConnection(socket, readTimeout);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public DataListener listen(InetSocketAddress bind, ConnectionHandler handler) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(SOCKET_BUFFER);
        server.setReuseAddress(true);
        try {
            server.bind(bind, 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new TcpListener(server, handler, readTimeout);
    }

    @Override
    public void close() {
        // Nothing is held for connecting out.
    }

    private static final class TcpListener implements DataListener {

        private final ServerSocket server;
        private final OpenConnections connections = new OpenConnections();

        TcpListener(ServerSocket server, ConnectionHandler handler, Duration readTimeout) {
            this.server = server;
            Thread.ofVirtual().name("tcp-accept-" + server.getLocalPort()).start(() -> acceptLoop(handler, readTimeout));
        }

        private void acceptLoop(ConnectionHandler handler, Duration readTimeout) {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.setSendBufferSize(SOCKET_BUFFER);
                    connections.serve(new TcpConnection(socket, readTimeout), handler,
                            "tcp-data-" + socket.getRemoteSocketAddress());
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        log.warn("accepting a data connection failed: {}", e.toString());
                    }
                }
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) server.getLocalSocketAddress();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                log.debug("closing the data listener failed", e);
            }
            connections.closeAll();
        }
    }

    private static final class TcpConnection extends BufferedDataConnection {

        private final Socket socket;

        TcpConnection(Socket socket, Duration readTimeout) throws IOException {
            configure(socket, readTimeout);
            super(socket.getInputStream(), socket.getOutputStream());
            this.socket = socket;
        }

        private static void configure(Socket socket, Duration readTimeout) throws IOException {
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            } catch (SocketException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return (InetSocketAddress) socket.getRemoteSocketAddress();
        }

        @Override
        public String transport() {
            return TCP;
        }

        @Override
        public boolean isOpen() {
            return !socket.isClosed() && !socket.isInputShutdown() && !socket.isOutputShutdown();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("closing a data connection failed", e);
            }
        }
    }
}
