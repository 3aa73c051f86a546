package io.sectorsphere.transfer.agent;

import static org.assertj.core.api.Assertions.fail;

import io.sectorsphere.transfer.agent.data.DataPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Transfer agents as application contexts in this JVM on loopback, with ephemeral ports and data directories of their own. */
final class Agents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SECRET = "the test cluster's secret, 32+ bytes";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Agents() {
    }

    /** One agent. */
    record Agent(ConfigurableApplicationContext context, Path dataDir, String http, String data) implements AutoCloseable {

        Path file(String name) {
            return dataDir.resolve(name);
        }

        void store(String name, byte[] content) throws IOException {
            Path path = file(name);
            Files.createDirectories(path.getParent());
            Files.write(path, content);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(http + path)).GET().build());
        }

        HttpResponse<String> post(String path, Object body) {
            return send(HttpRequest.newBuilder(URI.create(http + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        }

        /** Submits a job and waits until it has ended; returns its final view. */
        JsonNode transfer(Map<String, Object> job) {
            HttpResponse<String> accepted = post("/api/v1/transfers", job);
            if (accepted.statusCode() != 202) {
                fail("transfer refused: " + accepted.statusCode() + " " + accepted.body());
            }
            String id = JSON.readTree(accepted.body()).get("id").asString();
            return awaitEnd(id);
        }

        JsonNode awaitEnd(String id) {
            return await(() -> {
                JsonNode view = JSON.readTree(get("/api/v1/transfers/" + id).body());
                String state = view.get("state").asString();
                return state.equals("SUCCEEDED") || state.equals("FAILED") ? view : null;
            }, "job " + id + " to end");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static Agent start(Path root, String name) {
        Path dataDir = root.resolve(name);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("sector.transfer.data-dir", dataDir.toString());
        properties.put("sector.transfer.data-port", "0");
        properties.put("sector.transfer.secret", SECRET);
        properties.put("sector.transfer.tcp.read-timeout", "5s");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TransferAgentApplication.class)
                .properties(properties).run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Agent(context, dataDir, "http://127.0.0.1:" + port, context.getBean(DataPlane.class).dataAddress());
    }

    static <T> T await(Supplier<T> condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
