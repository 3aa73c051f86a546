package io.sectorsphere.transfer.multisource;

import io.sectorsphere.transfer.transport.DataTransport;
import java.net.InetSocketAddress;

/**
 * One replica to download from.
 *
 * @param label     how reports name it, usually {@code host:port}
 * @param transport the transport chosen for the path to it
 * @param address   its transfer agent's data address
 */
public record Source(String label, DataTransport transport, InetSocketAddress address) {
}
