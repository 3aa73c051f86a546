package io.sectorsphere.udt.engine;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Placeholder replaced by the engine: present only so that the API compiles. */
public final class NettyUdtEndpoint {

    private NettyUdtEndpoint() {
    }

    public static UdtEndpoint open(InetSocketAddress bindAddress, UdtEndpointConfig config) throws IOException {
        throw new UnsupportedOperationException("the UDT engine is being built");
    }
}
