package io.sectorsphere.localcluster;

import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.PublishReceipt;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.replication.ReplicationStatus;
import io.sectorsphere.common.ring.RingStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/** A small client of one locator node's REST API, for the launcher and for tests. */
public final class LocatorClient {

    private final String baseUrl;
    private final RestClient rest;

    /** @param http shared by the clients of one cluster so they share its connection pool */
    public LocatorClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.rest = NodeRest.client(baseUrl, http);
    }

    /** An HTTP/1.1 client with a short connect timeout: the nodes are on loopback. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public RingStatus ring() {
        return rest.get().uri("/api/v1/ring").retrieve().body(RingStatus.class);
    }

    /** True once the node has joined its ring and reports itself ready. */
    public boolean isReady() {
        return NodeRest.isReady(rest);
    }

    public PublishReceipt put(String name, ReplicaUpdate location) {
        return rest.put().uri(URI.create(baseUrl + "/api/v1/locations/" + encodePath(name)))
                .contentType(MediaType.APPLICATION_JSON).body(location).retrieve().body(PublishReceipt.class);
    }

    /** The file's metadata and copies, or empty if the ring knows no such name. */
    public Optional<FileLocation> locate(String name) {
        try {
            return Optional.ofNullable(rest.get().uri(URI.create(baseUrl + "/api/v1/locate/" + encodePath(name)))
                    .retrieve().body(FileLocation.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The storage nodes in the node registry, live by their heartbeats, by address. */
    public List<NodeStatus> nodes() {
        return rest.get().uri("/api/v1/nodes").retrieve().body(new ParameterizedTypeReference<List<NodeStatus>>() {
        });
    }

    /** The Sphere workers in the worker registry, live by their heartbeats, by address. */
    public List<WorkerStatus> workers() {
        return rest.get().uri("/api/v1/workers").retrieve().body(new ParameterizedTypeReference<List<WorkerStatus>>() {
        });
    }

    /** This locator's replica check, as of its last round. */
    public ReplicationStatus replication() {
        return rest.get().uri("/api/v1/replication").retrieve().body(ReplicationStatus.class);
    }

    /** Names may contain slashes; each segment is encoded on its own so they stay path separators. */
    private static String encodePath(String name) {
        return Arrays.stream(name.split("/", -1))
                .map(segment -> UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }

    @Override
    public String toString() {
        return baseUrl;
    }
}
