package io.sectorsphere.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server on loopback answering canned responses by method and raw path, recording every
 * request: it pins down the protocol details of the client. The integration test against real
 * storage nodes belongs with storage-service.
 */
final class CannedServer implements AutoCloseable {

    record Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** An answer; {@code declaredLength} larger than the body makes the server break off mid-body. */
    record Response(int status, Map<String, String> headers, byte[] body, long declaredLength) {

        static Response of(int status, String contentType, byte[] body) {
            return new Response(status, Map.of("Content-Type", contentType), body, body.length);
        }

        static Response json(int status, String json) {
            return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Response problem(int status, String detail) {
            return of(status, "application/problem+json", ("{\"type\":\"about:blank\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
        }

        static Response redirect(String location) {
            return new Response(307, Map.of("Location", location), new byte[0], 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    CannedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method} on exactly {@code rawPath} (as encoded on the wire, without the query). */
    CannedServer on(String method, String rawPath, Function<Request, Response> answer) {
        routes.put(method + " " + rawPath, answer);
        return this;
    }

    CannedServer on(String method, String rawPath, Response response) {
        return on(method, rawPath, request -> response);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Response response = routes.getOrDefault(request.method() + " " + request.rawPath(),
                    unknown -> Response.problem(404, "no route")).apply(request);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean bodiless = request.method().equals("HEAD") || response.declaredLength() == 0;
            exchange.sendResponseHeaders(response.status(), bodiless ? -1 : response.declaredLength());
            if (!request.method().equals("HEAD")) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
