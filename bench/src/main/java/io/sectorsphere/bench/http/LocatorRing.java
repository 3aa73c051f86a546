package io.sectorsphere.bench.http;

import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.localcluster.LocatorNode;
import io.sectorsphere.localcluster.RingConsistency;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Locator nodes as application contexts in this JVM on {@code 127.0.0.1} and ephemeral ports, with
 * the locator's default ring intervals (not the faster ones tests use), so latencies are those of a
 * deployed ring. Node 0 founds the ring, the others join through it one at a time.
 */
final class LocatorRing implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration STABLE_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The locator's own defaults, spelled out so the benchmark does not depend on a harness's choice. */
    private static final Map<String, String> DEFAULT_RING = Map.of(
            "sector.locator.ring.stabilize-interval", "500ms",
            "sector.locator.ring.check-predecessor-interval", "1s",
            "sector.locator.ring.fix-fingers-interval", "2s",
            "sector.locator.ring.replicate-interval", "1s",
            "sector.locator.ring.rpc-read-timeout", "2s",
            "sector.locator.ring.rpc-connect-timeout", "1s");

    private final List<LocatorNode> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private LocatorRing() {
    }

    /** Starts {@code size} nodes and waits until they form one consistent ring and report ready. */
    static LocatorRing start(int size) {
        Map<String, String> properties = new HashMap<>(DEFAULT_RING);
        // Closing the ring at the end is a crash of every node: nothing to hand over to.
        properties.put("sector.locator.leave-on-shutdown", "false");
        properties.put("spring.main.banner-mode", "off");
        // No storage node here asks for copies; the warning that no replication token is set is noise.
        properties.put("logging.level.io.sectorsphere.locator.replication.ReplicationSchedule", "ERROR");
        LocatorRing ring = new LocatorRing();
        try {
            ring.nodes.add(LocatorNode.start(HOST, 0, List.of(), properties));
            List<String> seed = List.of(ring.nodes.getFirst().ringAddress());
            for (int i = 1; i < size; i++) {
                ring.nodes.add(LocatorNode.start(HOST, 0, seed, properties));
            }
            ring.awaitStable();
            return ring;
        } catch (RuntimeException | Error e) {
            ring.close();
            throw e;
        }
    }

    int size() {
        return nodes.size();
    }

    String url(int i) {
        return nodes.get(i).url();
    }

    List<String> urls() {
        return nodes.stream().map(LocatorNode::url).toList();
    }

    /** Publishes a location record through node {@code via}. */
    void put(int via, String name, ReplicaUpdate location) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(via) + "/api/v1/locations/" + name))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(location))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("publishing " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private void awaitStable() {
        Set<String> expected = new LinkedHashSet<>(nodes.stream().map(LocatorNode::ringAddress).toList());
        long deadline = System.nanoTime() + STABLE_TIMEOUT.toNanos();
        List<String> problems = List.of("not checked yet");
        while (System.nanoTime() < deadline) {
            Map<String, RingStatus> states = new LinkedHashMap<>();
            boolean ready = true;
            for (LocatorNode node : nodes) {
                try {
                    HttpResponse<String> ring = send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/ring"))
                            .timeout(Duration.ofSeconds(2)).build());
                    if (ring.statusCode() == 200) {
                        states.put(node.ringAddress(), JSON.readValue(ring.body(), RingStatus.class));
                    }
                    ready &= send(HttpRequest.newBuilder(URI.create(node.url() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build()).statusCode() == 200;
                } catch (RuntimeException e) {
                    ready = false;
                }
            }
            problems = RingConsistency.problems(expected, states);
            if (ready && problems.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the ring formed", e);
            }
        }
        throw new IllegalStateException("the " + nodes.size() + " locators formed no consistent ring within "
                + STABLE_TIMEOUT + ": " + problems);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        for (LocatorNode node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                System.err.println("bench/http: stopping locator " + node.url() + ": " + e);
            }
        }
        nodes.clear();
        http.close();
    }
}
