package io.sectorsphere.transfer.transport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sectorsphere.transfer.DataPlaneContract;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocketOptions;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeAll;

/** The same suite over UDT; skipped while this build's UDT engine cannot open an endpoint. */
class UdtDataPlaneTest extends DataPlaneContract {

    @BeforeAll
    static void requireEngine() {
        assumeTrue(UdtAvailability.probe("127.0.0.1"), "the UDT engine is not available in this build");
    }

    @Override
    protected DataTransport newTransport() {
        return new UdtTransport(new InetSocketAddress("127.0.0.1", 0), UdtEndpointConfig.defaults(),
                UdtSocketOptions.defaults());
    }
}
