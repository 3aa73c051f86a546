package io.sectorsphere.transfer.transport;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Whether this build's UDT engine can open an endpoint at all (it may still be a placeholder). */
public final class UdtAvailability {

    private UdtAvailability() {
    }

    /** Opens and closes an ephemeral endpoint on {@code host}. */
    public static boolean probe(String host) {
        try (UdtEndpoint endpoint = UdtEndpoint.open(new InetSocketAddress(host, 0), UdtEndpointConfig.defaults())) {
            return endpoint.localAddress() != null;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
