package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.security.AccessTokens;
import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Sphere jobs on four node processes (locator, storage node and Sphere worker in each JVM), with a
 * whole node killed by SIGKILL — the job's coordinator among its services — checked by the records
 * that come out.
 */
class SphereProcessesIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(240);

    private final String token = AccessTokens.newToken();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final RestClient rest = RestClient.create();
    private ProcessCluster cluster;

    @TempDir
    java.nio.file.Path temp;

    @BeforeEach
    void startNodes() throws Exception {
        cluster = ProcessCluster.start(4, temp, token, Map.of(
                "sector.sphere.processing-elements", "2",
                "sector.sphere.elements.heap", "96MB",
                "sector.sphere.segments.min", "1KB",
                "sector.sphere.coordination.heartbeat", "1s",
                "sector.sphere.security.accounts[0].name", "e2e",
                "sector.sphere.security.accounts[0].token-sha256", AccessTokens.sha256Hex(token)));
    }

    @AfterEach
    void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
        http.close();
    }

    private List<String> writeLines(String prefix) {
        List<String> all = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < 1500; i++) {
                String line = String.format(Locale.ROOT, "%s %d %06d", prefix, f, i);
                content.append(line).append('\n');
                all.add(line);
            }
            cluster.node(f).storage().put(prefix + "/in-" + f, content.toString().getBytes(StandardCharsets.UTF_8),
                    token, false);
        }
        cluster.awaitCopies(List.of(prefix + "/in-0", prefix + "/in-1", prefix + "/in-2", prefix + "/in-3"));
        return all;
    }

    private JobStatus submit(int via, JobRequest request) {
        return rest.post().uri(cluster.node(via).sphereUrl() + "/api/v1/jobs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).body(request).retrieve().body(JobStatus.class);
    }

    private JobStatus status(int via, String id) {
        return rest.get().uri(cluster.node(via).sphereUrl() + "/api/v1/jobs/" + id).retrieve().body(JobStatus.class);
    }

    private JobStatus await(int via, String id) {
        JobStatus[] last = new JobStatus[1];
        cluster.waitUntil("job " + id + " finishes", () -> {
            try {
                return (last[0] = status(via, id)).finished();
            } catch (RuntimeException e) {
                return false;
            }
        }, JOB_TIMEOUT);
        return last[0];
    }

    private static JobRequest slowShuffle(String prefix) {
        return new JobRequest("slow shuffle", new JobInput(List.of(), List.of(prefix + "/")), "lines", List.of(
                stage("stream", "SEGMENT", "sleep 2; awk '{ print NR % 4 \"\\t\" $0 }'", buckets(prefix + "-tmp", 4)),
                new StageRequest("stream", null, "FILE", null, "sort", "lines", local(prefix + "-out"))), null, null);
    }

    @Test
    void aJobSurvivesTheKillOfTheNodeThatCoordinatesIt() throws Exception {
        List<String> lines = writeLines("crash");
        JobStatus submitted = submit(0, slowShuffle("crash"));
        cluster.waitUntil("the bucket stage is under way", () -> {
            JobStatus status = status(0, submitted.id());
            return !status.stages().isEmpty() && status.stages().getFirst().done() >= 2;
        }, JOB_TIMEOUT);
        cluster.node(0).kill();

        JobStatus done = await(1, submitted.id());

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        assertThat(done.coordinator()).isNotEqualTo(cluster.node(0).sphereUrl());
        assertOutputIs(done, lines, 1);
    }

    private void assertOutputIs(JobStatus done, List<String> lines, int via) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String name : done.outputs()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(cluster.node(via).storageUrl() + "/api/v1/files/" + name)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + name).isEqualTo(200);
            out.append(response.body());
        }
        List<String> actual = new ArrayList<>(Arrays.asList(out.toString().split("\n")));
        List<String> expected = new ArrayList<>(lines);
        actual.sort(null);
        expected.sort(null);
        assertThat(actual).isEqualTo(expected);
    }

    private static StageRequest stage(String operator, String unit, String parameters, OutputRequest output) {
        return new StageRequest(operator, null, unit, null, parameters, null, output);
    }

    private static OutputRequest local(String prefix) {
        return new OutputRequest("LOCAL", prefix, null, null);
    }

    private static OutputRequest buckets(String prefix, int count) {
        return new OutputRequest("BUCKETS", prefix, count, true);
    }
}
