package io.sectorsphere.transfer.transport;

import io.sectorsphere.transfer.DataPlaneContract;
import java.time.Duration;

class TcpDataPlaneTest extends DataPlaneContract {

    @Override
    protected DataTransport newTransport() {
        return new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
