package io.sectorsphere.locator.replication;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double of the storage node's copy API only ({@code POST /api/v1/replicas}): a real HTTP
 * server on loopback that records every request and answers with a fixed status. Each simulated
 * node is a path prefix ({@code http://127.0.0.1:port/<node>}), so one server stands for several.
 */
final class RecordingStorageApi implements AutoCloseable {

    record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 202;

    RecordingStorageApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL of simulated node {@code node}. */
    String url(String node) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + node;
    }

    void answer(int statusCode) {
        status = statusCode;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().endsWith(ReplicaRequester.LIVENESS_PATH)) {
                // The replica check's probe of a holder: alive, and not a request worth recording.
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            byte[] answer = "{\"name\":\"x\",\"state\":\"QUEUED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
