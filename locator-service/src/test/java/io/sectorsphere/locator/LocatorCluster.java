package io.sectorsphere.locator;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Locators as separate application contexts in this JVM on loopback and ephemeral ports, with an
 * HTTP client to talk to them and a condition wait that dumps every node's ring on failure.
 */
public final class LocatorCluster implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    /** Fast protocol periods, so a small ring settles in well under a second. */
    private static final Map<String, Object> FAST = Map.ofEntries(
            Map.entry("server.address", "127.0.0.1"),
            Map.entry("server.port", "0"),
            Map.entry("spring.main.banner-mode", "off"),
            Map.entry("logging.level.root", "WARN"),
            Map.entry("logging.level.io.sectorsphere", "INFO"),
            Map.entry("sector.locator.ring.stabilize-interval", "100ms"),
            Map.entry("sector.locator.ring.check-predecessor-interval", "200ms"),
            Map.entry("sector.locator.ring.fix-fingers-interval", "300ms"),
            Map.entry("sector.locator.ring.replicate-interval", "200ms"),
            Map.entry("sector.locator.ring.gossip-interval", "100ms"),
            Map.entry("sector.locator.ring.join-retry-interval", "200ms"),
            Map.entry("sector.locator.ring.rpc-read-timeout", "1s"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /** Starts a locator; {@code properties} add to or override the fast test defaults. */
    public Node start(Map<String, String> properties) {
        Map<String, Object> all = new HashMap<>(FAST);
        all.putAll(properties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocatorApplication.class)
                .properties(all)
                .run();
        nodes.add(context);
        return new Node(context);
    }

    /** Starts a locator that joins through {@code seed}. */
    public Node startJoining(Node seed) {
        return start(Map.of("sector.locator.join", seed.address()));
    }

    /** Polls {@code condition} until it holds, failing with every node's ring state at the deadline. */
    public void waitUntil(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting until " + what + "; rings:\n" + dump());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    public String dump() {
        StringBuilder out = new StringBuilder();
        for (ConfigurableApplicationContext context : nodes) {
            if (context.isActive()) {
                Node node = new Node(context);
                out.append(node.address()).append(": ").append(node.get("/api/v1/ring").body()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        nodes.reversed().forEach(ConfigurableApplicationContext::close);
        http.close();
    }

    /** One running locator. */
    public final class Node {

        private final ConfigurableApplicationContext context;
        private final int port;

        Node(ConfigurableApplicationContext context) {
            this.context = context;
            this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        public String address() {
            return "127.0.0.1:" + port;
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public void stop() {
            context.close();
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        public HttpResponse<String> put(String path, String json) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        public HttpResponse<String> post(String path, String json) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        public HttpResponse<String> delete(String path) {
            return send(HttpRequest.newBuilder(uri(path)).DELETE());
        }

        public HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("request to " + address() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /** {@code path} as sent, without normalization, so hostile paths reach the server intact. */
        public URI uri(String path) {
            return URI.create("http://" + address() + path);
        }

        public JsonNode ring() {
            return JSON.readTree(get("/api/v1/ring").body());
        }
    }
}
