package io.sectorsphere.udt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One UDP port carrying any number of UDT connections, as UDT's multiplexer: it connects out,
 * and when listening accepts connections in, all on the same port.
 */
public interface UdtEndpoint extends AutoCloseable {

    /** Binds a UDP port ({@code 0} for an ephemeral one). */
    static UdtEndpoint open(InetSocketAddress bindAddress, UdtEndpointConfig config) throws IOException {
        return io.sectorsphere.udt.engine.NettyUdtEndpoint.open(bindAddress, config);
    }

    InetSocketAddress localAddress();

    /** Opens a connection; throws {@link UdtException} when the peer rejects it or does not answer in time. */
    UdtSocket connect(InetSocketAddress remote, UdtSocketOptions options) throws IOException;

    /** Starts accepting connections with these options (the peer's smaller MSS and window win). */
    void listen(UdtSocketOptions options);

    /** The next accepted connection, or {@code null} after {@code timeout}. */
    UdtSocket accept(Duration timeout) throws IOException, InterruptedException;

    /** Aborts every connection and releases the port. */
    @Override
    void close();
}
