package io.sectorsphere.storage;

import static org.assertj.core.api.Assertions.fail;

import io.sectorsphere.common.security.AccessTokens;
import io.sectorsphere.locator.LocatorApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One locator and any number of storage nodes as application contexts in this JVM, on loopback
 * with ephemeral ports, short intervals and a data directory each under one temporary directory;
 * an HTTP client that never follows redirects; and a condition wait that dumps every node's state
 * when it times out. Made to move into the local cluster's harness later.
 */
public final class StorageCluster implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The one account every node accepts writes from. */
    public static final String TOKEN = "test-token-" + "x".repeat(32);
    public static final String BEARER = "Bearer " + TOKEN;

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Map<String, Object> COMMON = Map.of(
            "server.address", "127.0.0.1",
            "server.port", "0",
            "spring.main.banner-mode", "off",
            "logging.level.root", "WARN",
            "logging.level.io.sectorsphere", "INFO");
    private static final Map<String, Object> FAST_LOCATOR = Map.of(
            "sector.locator.ring.stabilize-interval", "100ms",
            "sector.locator.ring.check-predecessor-interval", "200ms",
            "sector.locator.ring.fix-fingers-interval", "300ms",
            "sector.locator.ring.replicate-interval", "200ms");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    private final Path root;
    private final ConfigurableApplicationContext locator;
    private final String locatorUrl;
    private final List<Node> nodes = new ArrayList<>();

    private StorageCluster(Path root, ConfigurableApplicationContext locator) {
        this.root = root;
        this.locator = locator;
        this.locatorUrl = "http://127.0.0.1:" + port(locator);
    }

    /** Starts a one-node ring and waits until it is ready to take records. */
    public static StorageCluster start() {
        Path root;
        try {
            root = Files.createTempDirectory("storage-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>(COMMON);
        properties.putAll(FAST_LOCATOR);
        ConfigurableApplicationContext locator = new SpringApplicationBuilder(LocatorApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false)
                .properties(properties).run();
        StorageCluster cluster = new StorageCluster(root, locator);
        cluster.waitUntil("the locator is ready",
                () -> cluster.send(HttpRequest.newBuilder(URI.create(cluster.locatorUrl
                        + "/actuator/health/readiness"))).statusCode() == 200);
        return cluster;
    }

    public String locatorUrl() {
        return locatorUrl;
    }

    /** Starts a storage node with an empty data directory of its own. */
    public Node startNode(Map<String, String> overrides) {
        Path dataDir = root.resolve("node-" + (nodes.size() + 1)).resolve("data");
        return startNode(dataDir, overrides);
    }

    /** Starts a storage node on {@code dataDir}, which may already hold files. */
    public Node startNode(Path dataDir, Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(COMMON);
        properties.put("sector.storage.data-dir", dataDir.toString());
        properties.put("sector.storage.locator-url", locatorUrl);
        properties.put("sector.storage.advertised-host", "127.0.0.1");
        properties.put("sector.storage.rescan-interval", "200ms");
        properties.put("sector.storage.heartbeat-interval", "300ms");
        properties.put("sector.storage.record-ttl", "30s");
        properties.put("sector.storage.peers.rtt-probe-timeout", "500ms");
        properties.put("sector.storage.security.accounts[0].name", "test");
        properties.put("sector.storage.security.accounts[0].token-sha256", AccessTokens.sha256Hex(TOKEN));
        properties.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StorageApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false)
                .properties(properties).run();
        Node node = new Node(context, dataDir);
        nodes.add(node);
        return node;
    }

    /** Polls {@code condition} until it holds, failing with every node's state at the deadline. */
    public void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet: a node still starting refuses connections
            }
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what + "; state:\n" + dump());
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
        if (locator.isActive()) {
            out.append("locator ").append(locatorUrl).append(" nodes: ")
                    .append(send(HttpRequest.newBuilder(URI.create(locatorUrl + "/api/v1/nodes"))).body()).append('\n');
        }
        for (Node node : nodes) {
            if (node.context.isActive()) {
                out.append(node.holder()).append(" files: ").append(node.get("/api/v1/files").body()).append('\n');
            }
        }
        return out.toString();
    }

    public HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        nodes.reversed().forEach(node -> node.context.close());
        locator.close();
        http.close();
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** One running storage node. */
    public final class Node {

        private final ConfigurableApplicationContext context;
        private final Path dataDir;
        private final int port;

        Node(ConfigurableApplicationContext context, Path dataDir) {
            this.context = context;
            this.dataDir = dataDir;
            this.port = port(context);
        }

        public String holder() {
            return "127.0.0.1:" + port;
        }

        public String url() {
            return "http://" + holder();
        }

        public Path dataDir() {
            return dataDir;
        }

        public Path staging() {
            return dataDir.resolve(".sector-staging");
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public void stop() {
            context.close();
        }

        /** {@code path} as sent, without normalization, so hostile paths reach the server intact. */
        public URI uri(String path) {
            return URI.create(url() + path);
        }

        public HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path));
        }

        public HttpResponse<byte[]> send(HttpRequest.Builder request) {
            return StorageCluster.this.send(request);
        }

        public HttpResponse<byte[]> get(String path) {
            return send(request(path).GET());
        }

        /** An upload with the test account's token. */
        public HttpResponse<byte[]> put(String path, byte[] content) {
            return send(request(path).header("Authorization", BEARER)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        }

        public HttpResponse<byte[]> delete(String path) {
            return send(request(path).header("Authorization", BEARER).DELETE());
        }

        public HttpResponse<byte[]> post(String path, String json) {
            return send(request(path).header("Authorization", BEARER).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        public JsonNode json(String path) {
            HttpResponse<byte[]> response = get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            return JSON.readTree(response.body());
        }

        /** Whether the node itself holds {@code name} (a HEAD that may not be answered from elsewhere). */
        public boolean holds(String name) {
            return send(request("/api/v1/files/" + name + "?scope=local")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode() == 200;
        }
    }
}
