package io.sectorsphere.bench.udt;

import java.util.List;

/**
 * Where a flow's two ends run: each behind a command prefix ({@code ip netns exec ...} on an
 * emulated link, nothing on loopback), at its own address; the sender connects to
 * {@code receiverHost}, or a receiving client to a serving {@code senderHost}.
 */
record NetworkPath(List<String> receiverPrefix, String receiverHost, List<String> senderPrefix, String senderHost) {

    static NetworkPath loopback() {
        return new NetworkPath(List.of(), "127.0.0.1", List.of(), "127.0.0.1");
    }
}
