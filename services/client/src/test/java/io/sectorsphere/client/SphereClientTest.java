package io.sectorsphere.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.client.CannedServer.Request;
import io.sectorsphere.client.CannedServer.Response;
import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import io.sectorsphere.common.sphere.StageStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The Sphere client against a loopback server that answers like a worker. */
class SphereClientTest {

    private static final JobPolling FAST =
            new JobPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30));

    private final CannedServer worker = new CannedServer();
    private final SphereClient client = new SphereClient(worker.uri(), "s3cret");

    @AfterEach
    void close() {
        client.close();
        worker.close();
    }

    @Test
    void submitPostsTheJobAsJsonWithTheTokenAndWithoutNullFields() {
        byte[] started = json(status("j-1", "RUNNING", 0, 4, null));
        worker.on("POST", "/api/v1/jobs", new Response(202, Map.of("Content-Type", "application/json",
                "Location", "/api/v1/jobs/j-1"), started, started.length));
        JobRequest job = new JobRequest("grep", new JobInput(List.of("a.txt"), List.of("logs/")), "lines",
                List.of(new StageRequest("grep", null, null, null, "ERROR", null,
                        new OutputRequest("CALLER", null, null, null))), null, null);

        JobStatus submitted = client.submit(job);

        assertThat(submitted.id()).isEqualTo("j-1");
        Request request = worker.requests().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertThat(body.path("input").path("prefixes").get(0).asString()).isEqualTo("logs/");
        assertThat(body.path("stages").get(0).path("parameters").asString()).isEqualTo("ERROR");
        assertThat(body.has("segmentMinBytes")).as("null fields leave the worker its defaults").isFalse();
        assertThat(body.path("stages").get(0).has("jar")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "400, io.sectorsphere.client.BadRequestException, unknown operator 'gerp'",
        "403, io.sectorsphere.client.DeniedException, this account may not run jobs",
        "404, io.sectorsphere.client.NotFoundException, no such file: a.txt",
        "409, io.sectorsphere.client.ConflictException, output prefix out/ exists"})
    void aRefusedSubmitBecomesTheExceptionOfItsKindWithTheProblemDetail(int status, Class<?> type, String detail) {
        worker.on("POST", "/api/v1/jobs", Response.problem(status, detail));

        assertThatThrownBy(() -> client.submit(new JobRequest(null, new JobInput(List.of("a.txt"), null), null,
                List.of(), null, null)))
                .isInstanceOf(type)
                .hasMessage("submit job: " + detail + " (HTTP " + status + ")");
    }

    @Test
    void waitForPollsUntilTheJobFinishesAndReportsEveryStatus() {
        AtomicInteger polls = new AtomicInteger();
        worker.on("GET", "/api/v1/jobs/j-2", request -> {
            int done = Math.min(polls.incrementAndGet(), 4);
            return Response.json(200, new String(json(status("j-2", done == 4 ? "SUCCEEDED" : "RUNNING", done, 4,
                    null)), StandardCharsets.UTF_8));
        });
        List<Integer> seen = new CopyOnWriteArrayList<>();

        JobStatus last = client.waitFor("j-2", FAST, status -> seen.add(status.stages().getFirst().done()));

        assertThat(last.state()).isEqualTo("SUCCEEDED");
        assertThat(seen).containsExactly(1, 2, 3, 4);
    }

    @Test
    void waitForRidesOutAWorkerThatBrieflyCannotAnswer() {
        AtomicInteger polls = new AtomicInteger();
        worker.on("GET", "/api/v1/jobs/j-3", request -> switch (polls.incrementAndGet()) {
            case 1, 2 -> Response.problem(503, "coordinator moving");
            default -> Response.json(200, new String(json(status("j-3", "FAILED", 1, 2, "boom at record 7")),
                    StandardCharsets.UTF_8));
        });

        JobStatus last = client.waitFor("j-3", FAST, JobListener.NONE);

        assertThat(last.state()).isEqualTo("FAILED");
        assertThat(new JobFailedException(last)).hasMessage("job j-3 failed: boom at record 7")
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(JobFailedException.EXIT_CODE));
    }

    @Test
    void waitForGivesUpWhenTheWorkerStaysAwayLongerThanTolerated() {
        worker.on("GET", "/api/v1/jobs/j-4", Response.problem(503, "down"));
        JobPolling impatient = new JobPolling(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO);

        assertThatThrownBy(() -> client.waitFor("j-4", impatient, JobListener.NONE))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("down");
    }

    @Test
    void resultsAreStreamedByteForByte() throws IOException {
        byte[] records = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(records);
        worker.on("GET", "/api/v1/jobs/j-5/results", Response.of(200, "application/octet-stream", records));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long copied = client.results("j-5", out);

        assertThat(copied).isEqualTo(records.length);
        assertThat(out.toByteArray()).isEqualTo(records);
    }

    @Test
    void resultsOfARunningJobAreAConflict() {
        worker.on("GET", "/api/v1/jobs/j-6/results", Response.problem(409, "job j-6 is still running"));

        assertThatThrownBy(() -> client.results("j-6", new ByteArrayOutputStream()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still running");
    }

    @Test
    void aResultStreamThatBreaksOffIsUnavailableNotALocalFailure() {
        byte[] partial = new byte[100_000];
        worker.on("GET", "/api/v1/jobs/j-7/results",
                new Response(200, Map.of("Content-Type", "application/octet-stream"), partial, 400_000));

        assertThatThrownBy(() -> client.results("j-7", new ByteArrayOutputStream()))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("broke off");
    }

    @Test
    void cancelDeletesTheJobWithTheTokenAndTheIdEncoded() {
        worker.on("DELETE", "/api/v1/jobs/a%2Fb%20c", Response.json(202,
                new String(json(status("a/b c", "RUNNING", 0, 1, null)), StandardCharsets.UTF_8)));

        client.cancel("a/b c");

        assertThat(worker.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
        });
    }

    @Test
    void listReadsTheWorkersJobsNewestFirst() {
        worker.on("GET", "/api/v1/jobs", Response.json(200, "[" + new String(json(status("j-9", "RUNNING", 0, 1,
                null)), StandardCharsets.UTF_8) + "," + new String(json(status("j-8", "SUCCEEDED", 1, 1, null)),
                StandardCharsets.UTF_8) + "]"));

        assertThat(client.list()).extracting(JobStatus::id).containsExactly("j-9", "j-8");
    }

    @Test
    void aBlankJobIdFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> client.status(" ")).isInstanceOf(BadRequestException.class);
        assertThat(worker.requests()).isEmpty();
    }

    @Test
    void theWorkerBesideAStorageNodeIsOnPort6400() {
        assertThat(SphereClientConfig.besideStorage(java.net.URI.create("http://127.0.0.12:6200")))
                .hasToString("http://127.0.0.12:6400");
    }

    static JobStatus status(String id, String state, int done, int segments, String error) {
        StageStatus stage = new StageStatus(0, "grep", segments, done, segments - done, 0, 0, 0, 0,
                done * 100L, done * 10L, done, done);
        return new JobStatus(id, "test", state, error, "http://127.0.0.11:6400", Instant.parse("2026-12-07T16:00:00Z"),
                null, List.of(stage), done * 100L, done * 10L, 1000.0, 1.5, 1.0, List.of());
    }

    private static byte[] json(JobStatus status) {
        return Json.write(status);
    }
}
