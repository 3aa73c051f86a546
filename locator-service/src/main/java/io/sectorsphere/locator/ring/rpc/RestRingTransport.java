package io.sectorsphere.locator.ring.rpc;

import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.RingPeer;
import io.sectorsphere.chord.RingTransport;
import org.springframework.web.client.RestClient;

/** Ring calls over REST; the client's timeouts bound how long a silent peer can hold a caller. */
public final class RestRingTransport implements RingTransport {

    private final RestClient client;

    public RestRingTransport(RestClient client) {
        this.client = client;
    }

    @Override
    public RingPeer peer(NodeRef node) {
        return new RestRingPeer(client, node);
    }
}
