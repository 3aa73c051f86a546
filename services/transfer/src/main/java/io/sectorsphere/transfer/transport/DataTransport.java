package io.sectorsphere.transfer.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A way to move bytes between nodes: {@link TcpTransport} or {@link UdtTransport}. The protocol on
 * top ({@link io.sectorsphere.transfer.protocol.FrameCodec}) is the same for both.
 */
public interface DataTransport extends AutoCloseable {

    String TCP = "tcp";
    String UDT = "udt";

    /** {@value #TCP} or {@value #UDT}. */
    String name();

    DataConnection connect(InetSocketAddress remote) throws IOException;

    /** Accepts connections on {@code bind} ({@code port 0}: an ephemeral one), each served on a virtual thread. */
    DataListener listen(InetSocketAddress bind, ConnectionHandler handler) throws IOException;

    /** Releases what the transport holds for connecting out; listeners are closed by their owner. */
    @Override
    void close();
}
