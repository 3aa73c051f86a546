package io.sectorsphere.locator.ring.rpc;

import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.RingPeer;
import io.sectorsphere.chord.RingTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Ring calls over REST; the client's timeouts bound how long a silent peer can hold a caller. */
public final class RestRingTransport implements RingTransport {

    private final RestClient client;

    private RestRingTransport(RestClient client) {
        this.client = client;
    }

    /**
     * A transport over {@code httpClient} (whose connect timeout bounds connecting) that gives up on
     * an answer after {@code readTimeout}.
     */
    public static RestRingTransport create(RestClient.Builder builder, HttpClient httpClient, Duration readTimeout) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(readTimeout);
        return new RestRingTransport(builder.requestFactory(requestFactory).build());
    }

    @Override
    public RingPeer peer(NodeRef node) {
        return new RestRingPeer(client, node);
    }
}
