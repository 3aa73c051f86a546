package io.sectorsphere.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sectorsphere.common.file.DeletionReport;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.replication.ReplicationStatus;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.common.ring.RingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * One node of a cluster as the CLI sees it, storage and locator in one real HTTP server on
 * loopback: files kept in memory and served with ranges, listings, metadata, deletions, and the
 * locator's locate, nodes, ring and replication answers. It speaks the protocol the client library
 * expects, so the CLI's behaviour can be pinned down without storage nodes; the end-to-end tests
 * against real nodes belong with the local cluster.
 */
final class FakeNode implements AutoCloseable {

    static final Instant MTIME = Instant.parse("2026-11-22T03:00:00Z");
    private static final String FILES = "/api/v1/files";
    private static final String LOCATE = "/api/v1/locate/";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** A request as it arrived. */
    record Request(String method, String path, String query, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 1000;
    private volatile List<String> failedHolders = List.of();

    FakeNode() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://" + address();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    FakeNode withFile(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    /** Serves {@code content} for {@code name} while the record keeps the checksum of what was stored. */
    FakeNode corrupt(String name, byte[] content) {
        served.put(name, content);
        return this;
    }

    /** Answers {@code method} on {@code path} (decoded, without the query) with a problem of {@code status}. */
    FakeNode failing(String method, String path, int status) {
        failures.put(method + " " + path, status);
        return this;
    }

    FakeNode pageSize(int size) {
        pageSize = size;
        return this;
    }

    /** Holders that keep their copy when a file is deleted. */
    FakeNode failingHolders(String... holders) {
        failedHolders = List.of(holders);
        return this;
    }

    byte[] file(String name) {
        return files.get(name);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), values.getFirst()));
            Request request = new Request(method, path, exchange.getRequestURI().getRawQuery(), headers);
            requests.add(request);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer failure = failures.get(method + " " + path);
            if (failure != null) {
                problem(exchange, failure, "forced failure " + failure);
            } else {
                route(exchange, request, body);
            }
        }
    }

    private void route(HttpExchange exchange, Request request, byte[] body) throws IOException {
        String path = request.path();
        switch (request.method()) {
            case "GET" -> {
                if (path.equals(FILES)) {
                    list(exchange, query(request.query()));
                } else if (path.startsWith(FILES + "/") && path.endsWith("/meta")) {
                    meta(exchange, path.substring(FILES.length() + 1, path.length() - "/meta".length()));
                } else if (path.startsWith(FILES + "/")) {
                    content(exchange, request, path.substring(FILES.length() + 1));
                } else if (path.startsWith(LOCATE)) {
                    locate(exchange, path.substring(LOCATE.length()));
                } else if (path.equals("/api/v1/nodes")) {
                    json(exchange, 200, List.of(new NodeStatus(address(), url(), "127.0.0.1:6301", 8L << 30,
                            6L << 30, files.size(), 30)));
                } else if (path.equals("/api/v1/ring")) {
                    RingMember self = new RingMember("0".repeat(32), address());
                    json(exchange, 200, new RingStatus(self, self, List.of(self), List.of(), 1, files.size(), true,
                            true));
                } else if (path.equals("/api/v1/replication")) {
                    json(exchange, 200, new ReplicationStatus(3, files.size(), files.size(), 0));
                } else {
                    problem(exchange, 404, "no route " + path);
                }
            }
            case "HEAD" -> content(exchange, request, path.substring(FILES.length() + 1));
            case "PUT" -> put(exchange, request, path.substring(FILES.length() + 1), body);
            case "DELETE" -> delete(exchange, path.substring(FILES.length() + 1));
            default -> problem(exchange, 405, "method not allowed");
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String after = query.get("after");
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : pageSize;
        List<FileEntry> page = new ArrayList<>();
        String next = null;
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            if (!file.getKey().startsWith(prefix) || after != null && file.getKey().compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                next = page.getLast().name();
                break;
            }
            page.add(new FileEntry(file.getKey(), file.getValue().length, MTIME, checksum(file.getValue()), false));
        }
        json(exchange, 200, new FileListing(page, next, List.of()));
    }

    private void meta(HttpExchange exchange, String name) throws IOException {
        byte[] content = files.get(name);
        if (content == null) {
            problem(exchange, 404, "no file " + name);
            return;
        }
        json(exchange, 200, new FileMeta(name, content.length, MTIME, checksum(content), true, List.of(replica(content))));
    }

    private void locate(HttpExchange exchange, String name) throws IOException {
        byte[] content = files.get(name);
        if (content == null) {
            problem(exchange, 404, "no location record for " + name);
            return;
        }
        json(exchange, 200, new FileLocation(name, content.length, MTIME, checksum(content), List.of(replica(content)),
                address(), 2));
    }

    private void content(HttpExchange exchange, Request request, String name) throws IOException {
        byte[] content = served.getOrDefault(name, files.get(name));
        if (content == null) {
            problem(exchange, 404, "no file " + name);
            return;
        }
        String range = request.header("Range");
        int from = 0;
        int status = 200;
        if (range != null) {
            Matcher matcher = RANGE.matcher(range);
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) >= content.length) {
                problem(exchange, 416, "range not satisfiable");
                return;
            }
            from = Integer.parseInt(matcher.group(1));
            status = 206;
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        if (request.method().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, content.length - from == 0 ? -1 : content.length - from);
        exchange.getResponseBody().write(Arrays.copyOfRange(content, from, content.length));
    }

    private void put(HttpExchange exchange, Request request, String name, byte[] body) throws IOException {
        boolean overwrite = "overwrite=true".equals(request.query());
        if (files.containsKey(name) && !overwrite) {
            problem(exchange, 409, name + " exists");
            return;
        }
        String digest = request.header("Content-Digest");
        String expected = "sha-256=:" + java.util.Base64.getEncoder().encodeToString(sha256(body)) + ":";
        if (!expected.equals(digest)) {
            problem(exchange, 400, "Content-Digest does not match the content");
            return;
        }
        files.put(name, body);
        json(exchange, 201, new FileEntry(name, body.length, MTIME, checksum(body), false));
    }

    private void delete(HttpExchange exchange, String name) throws IOException {
        if (files.remove(name) == null) {
            problem(exchange, 404, "no file " + name);
            return;
        }
        if (!failedHolders.isEmpty()) {
            // As a storage node answers when some holders kept their copy.
            problem(exchange, 502, "'" + name + "' is still held by " + failedHolders);
            return;
        }
        json(exchange, 200, new DeletionReport(name, List.of(address()), List.of()));
    }

    private Replica replica(byte[] content) {
        return new Replica(address(), url(), "127.0.0.1:6301", content.length, MTIME, checksum(content),
                MTIME.plusSeconds(300));
    }

    private void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body = json.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String checksum(byte[] content) {
        return "sha256:" + HexFormat.of().formatHex(sha256(content));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
