package io.sectorsphere.transfer.transport;

import java.net.InetSocketAddress;

/** Accepts connections on one address until closed; closing also ends the connections it accepted. */
public interface DataListener extends AutoCloseable {

    InetSocketAddress localAddress();

    @Override
    void close();
}
