package io.sectorsphere.storage.publish;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.storage.config.NodeIdentity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * This node's locator ({@code sector.storage.locator-url}) over its REST API: location records
 * and the node registry. Every failure on the way is a {@link LocatorUnavailableException}.
 */
@Component
public class LocatorClient {

    private static final ParameterizedTypeReference<List<NodeStatus>> NODE_LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;
    private final String base;

    LocatorClient(RestClient peerRestClient, NodeIdentity identity) {
        this.client = peerRestClient;
        this.base = identity.locatorUrl() + "/api/v1";
    }

    public String url() {
        return base;
    }

    public void publish(FileName name, ReplicaUpdate update) {
        call("publish " + name, () -> client.put().uri(locations(name)).body(update).retrieve().toBodilessEntity());
    }

    public void withdraw(FileName name, String holder) {
        call("withdraw " + name, () -> client.delete()
                .uri(URI.create(locations(name) + "?holder=" + query(holder))).retrieve().toBodilessEntity());
    }

    /** Where the ring says the file is; empty if no holder has a live record. */
    public Optional<FileLocation> locate(FileName name) {
        try {
            return Optional.ofNullable(call("locate " + name, () -> client.get()
                    .uri(URI.create(base + "/locate/" + FileNamePaths.encode(name)))
                    .retrieve().body(FileLocation.class)));
        } catch (LocatorUnavailableException e) {
            if (e.getCause() instanceof RestClientResponseException response
                    && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reports this node's status to the node registry.
     *
     * @return false if the locator has no node registry (answers 404)
     */
    public boolean heartbeat(NodeStatus status) {
        try {
            call("heartbeat", () -> client.put().uri(URI.create(base + "/nodes/" + query(status.address())))
                    .body(status).retrieve().toBodilessEntity());
            return true;
        } catch (LocatorUnavailableException e) {
            if (e.getCause() instanceof RestClientResponseException response
                    && response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    /** Every live storage node the registry knows. */
    public List<NodeStatus> nodes() {
        List<NodeStatus> nodes = call("list nodes", () -> client.get().uri(URI.create(base + "/nodes"))
                .retrieve().body(NODE_LIST));
        return nodes == null ? List.of() : nodes;
    }

    private URI locations(FileName name) {
        return URI.create(base + "/locations/" + FileNamePaths.encode(name));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientException e) {
            throw new LocatorUnavailableException(what + " at " + base + " failed: " + e.getMostSpecificCause(), e);
        } catch (IllegalArgumentException e) {
            throw new LocatorUnavailableException(what + " at " + base + " failed: " + e.getMessage(), e);
        }
    }
}
