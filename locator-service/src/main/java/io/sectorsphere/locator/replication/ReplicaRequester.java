package io.sectorsphere.locator.replication;

import io.sectorsphere.common.replication.ReplicationRequest;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.replication.ReplicationPlanner.CopyOrder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks a storage node to pull a copy of a file from a holder: {@code POST {target}/api/v1/replicas}
 * with a {@link ReplicationRequest} and this locator's bearer token. The storage node answers 202 and
 * copies in the background; the copy shows up in the records once it has published it.
 */
final class ReplicaRequester implements AutoCloseable {

    enum Outcome {
        /** The target took the request (2xx). */
        ACCEPTED,
        /** The target refused it (4xx: not allowed, no room, bad request); asking again later may work. */
        REJECTED,
        /** No answer, or a server error. */
        FAILED
    }

    static final String PATH = "/api/v1/replicas";
    static final String LIVENESS_PATH = "/actuator/health/liveness";
    /** A holder that has not answered by then is not counted as a replica this round. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(ReplicaRequester.class);

    private final RestClient client;
    private final HttpClient httpClient;
    private final String authorization;

    private ReplicaRequester(RestClient client, HttpClient httpClient, String token) {
        this.client = client;
        this.httpClient = httpClient;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /**
     * A requester presenting {@code settings.token()} (it can ask for nothing without one), giving up
     * on a node after {@code settings.requestTimeout()}.
     */
    static ReplicaRequester create(RestClient.Builder builder, LocatorProperties.Replication settings) {
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(min(settings.requestTimeout(), PROBE_TIMEOUT))
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(settings.requestTimeout());
        return new ReplicaRequester(builder.requestFactory(requestFactory).build(), httpClient, settings.token());
    }

    /** False without a token: storage nodes refuse copy requests from anyone not allowed to write. */
    boolean canRequest() {
        return authorization != null;
    }

    /** @throws IllegalStateException without a token; see {@link #canRequest()} */
    Outcome request(CopyOrder order) {
        if (authorization == null) {
            throw new IllegalStateException("no sector.locator.replication.token to present");
        }
        String target = order.target().address();
        ReplicationRequest body;
        try {
            body = new ReplicationRequest(order.name(), order.source().httpAddress(), order.checksum());
        } catch (IllegalArgumentException e) {
            log.warn("cannot ask for a copy of {}: {}", order.name(), e.getMessage());
            return Outcome.REJECTED;
        }
        try {
            client.post().uri(uri(order.target().httpAddress(), PATH))
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            log.info("asked {} to copy {} from {}", target, order.name(), order.source().holder());
            return Outcome.ACCEPTED;
        } catch (HttpClientErrorException e) {
            log.warn("{} refused to copy {}: {} {}", target, order.name(), e.getStatusCode().value(),
                    e.getResponseBodyAsString());
            return Outcome.REJECTED;
        } catch (RestClientException e) {
            log.warn("could not ask {} to copy {}: {}", target, order.name(), e.getMostSpecificCause().toString());
            return Outcome.FAILED;
        }
    }

    /**
     * True if the storage node at {@code httpAddress} answers at all (any status): a crashed holder's
     * records outlive it by their time-to-live, and counting it would delay the new copy that long.
     */
    boolean answers(String httpAddress) {
        HttpRequest probe = HttpRequest.newBuilder(uri(httpAddress, LIVENESS_PATH)).timeout(PROBE_TIMEOUT).GET().build();
        try {
            httpClient.send(probe, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        httpClient.shutdownNow();
    }

    private static URI uri(String httpAddress, String path) {
        String base = httpAddress.endsWith("/") ? httpAddress.substring(0, httpAddress.length() - 1) : httpAddress;
        return URI.create(base + path);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
