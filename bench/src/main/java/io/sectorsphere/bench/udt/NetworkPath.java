package io.sectorsphere.bench.udt;

import java.util.List;

/**
 * Where a flow's two ends run: each behind a command prefix ({@code ip netns exec ...} on an
 * emulated link, nothing on loopback), the sender connecting to {@code receiverHost}.
 */
record NetworkPath(List<String> receiverPrefix, String receiverHost, List<String> senderPrefix) {

    static NetworkPath loopback() {
        return new NetworkPath(List.of(), "127.0.0.1", List.of());
    }
}
