package io.sectorsphere.transfer.transport;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Optional;

/** One established, bidirectional byte stream between two nodes, over TCP or UDT. */
public interface DataConnection extends Closeable {

    InputStream input();

    OutputStream output();

    InetSocketAddress remoteAddress();

    /** The transport's name, {@code tcp} or {@code udt}. */
    String transport();

    boolean isOpen();

    /** What the transport measured of the path so far, if it measures anything. */
    default Optional<PathQuality> pathQuality() {
        return Optional.empty();
    }

    /** Closes at once; never throws. */
    @Override
    void close();
}
