package io.sectorsphere.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.StageStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sphere worker as the CLI sees it, in a real HTTP server on loopback: it accepts every job as
 * {@code j-1}, {@code j-2}, ..., answers the status polls of a job from a script of statuses (the
 * last one repeated), serves canned results, and records what it was sent. The end-to-end tests
 * against real workers belong with the worker.
 */
final class FakeWorker implements AutoCloseable {

    private static final String JOBS = "/api/v1/jobs";

    /** A request as it arrived. */
    record Request(String method, String path, String authorization, byte[] body) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<JobRequest> submitted = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<JobStatus>> statuses = new ConcurrentHashMap<>();
    private final Map<String, byte[]> results = new ConcurrentHashMap<>();
    private volatile List<String> scriptedStates = List.of("RUNNING", "SUCCEEDED");
    private volatile String error;
    private volatile List<String> outputs = List.of();
    private volatile Consumer<JobRequest> onSubmit = job -> {
    };
    private volatile int refusal;

    FakeWorker() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Jobs submitted from now on end failed with {@code message}. */
    FakeWorker failingWith(String message) {
        scriptedStates = List.of("RUNNING", "FAILED");
        error = message;
        return this;
    }

    /** Jobs submitted from now on name these files as their output. */
    FakeWorker withOutputs(String... names) {
        outputs = List.of(names);
        return this;
    }

    FakeWorker withResults(String id, byte[] bytes) {
        results.put(id, bytes);
        return this;
    }

    /** Refuses every submit with a problem of {@code status}. */
    FakeWorker refusingSubmits(int status) {
        refusal = status;
        return this;
    }

    /** Runs {@code action} with each job as it is submitted, e.g. to look at the cluster at that moment. */
    FakeWorker onSubmit(Consumer<JobRequest> action) {
        onSubmit = action;
        return this;
    }

    /** A job known without having been submitted here, in its final state. */
    FakeWorker withJob(String id, String state) {
        statuses.put(id, new ArrayDeque<>(List.of(status(id, state, null))));
        return this;
    }

    List<JobRequest> submitted() {
        return List.copyOf(submitted);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (method.equals("POST") && path.equals(JOBS)) {
                submit(exchange, body);
            } else if (method.equals("GET") && path.equals(JOBS)) {
                send(exchange, 200, json.writeValueAsBytes(statuses.values().stream().map(Deque::peekLast).toList()));
            } else if (path.startsWith(JOBS + "/") && path.endsWith("/results")) {
                byte[] bytes = results.get(path.substring(JOBS.length() + 1, path.length() - "/results".length()));
                if (bytes == null) {
                    problem(exchange, 404, "no results");
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    send(exchange, 200, bytes);
                }
            } else if (path.startsWith(JOBS + "/")) {
                job(exchange, method, path.substring(JOBS.length() + 1));
            } else {
                problem(exchange, 404, "no route " + path);
            }
        }
    }

    private void submit(HttpExchange exchange, byte[] body) throws IOException {
        if (refusal != 0) {
            problem(exchange, refusal, "refused as told");
            return;
        }
        JobRequest job = json.readValue(body, JobRequest.class);
        submitted.add(job);
        onSubmit.accept(job);
        String id = "j-" + submitted.size();
        Deque<JobStatus> script = new ArrayDeque<>();
        for (String state : scriptedStates) {
            script.add(status(id, state, job.name()));
        }
        statuses.put(id, script);
        exchange.getResponseHeaders().set("Location", JOBS + "/" + id);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 202, json.writeValueAsBytes(status(id, "RUNNING", job.name())));
    }

    private void job(HttpExchange exchange, String method, String id) throws IOException {
        Deque<JobStatus> script = statuses.get(id);
        if (script == null) {
            problem(exchange, 404, "no job " + id);
            return;
        }
        if (method.equals("DELETE")) {
            JobStatus current = script.peekFirst();
            script.clear();
            script.add(status(id, "CANCELLED", current.name()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            send(exchange, 202, json.writeValueAsBytes(script.peekFirst()));
            return;
        }
        JobStatus next = script.size() > 1 ? script.pollFirst() : script.peekFirst();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, json.writeValueAsBytes(next));
    }

    private JobStatus status(String id, String state, String name) {
        boolean running = state.equals("RUNNING");
        StageStatus stage = new StageStatus(0, "op", 4, running ? 2 : 4, running ? 2 : 0, 0, 0, 0, 0, 4000, 400, 40,
                40);
        Instant submittedAt = Instant.parse("2026-12-07T16:00:00Z");
        return new JobStatus(id, name, state, state.equals("FAILED") ? error : null, url(), submittedAt,
                running ? null : submittedAt.plusMillis(1500), List.of(stage), 4000, 400, 2000.0,
                running ? 1.0 : null, 1.0, running ? List.of() : outputs);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, status, ("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
