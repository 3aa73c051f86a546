package io.sectorsphere.localcluster.sphere;

import static io.sectorsphere.localcluster.sphere.SphereJobs.buckets;
import static io.sectorsphere.localcluster.sphere.SphereJobs.local;
import static io.sectorsphere.localcluster.sphere.SphereJobs.oneStage;
import static io.sectorsphere.localcluster.sphere.SphereJobs.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.StageRequest;
import io.sectorsphere.localcluster.MiniSectorCluster;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.Test;

/**
 * Jobs that lose a worker or meet a function that never returns, each on a four-node cluster of
 * its own, checked by the records that come out.
 */
class SphereFaultsTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private MiniSectorCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private SphereJobs start(Map<String, String> sphere) {
        cluster = MiniSectorCluster.builder().nodes(4).withSphere(sphere).start();
        return new SphereJobs(cluster);
    }

    private List<String> writeLines(String prefix, int files, int lines) {
        List<String> all = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                String line = String.format(Locale.ROOT, "%s %d %06d", prefix, f, i);
                content.append(line).append('\n');
                all.add(line);
            }
            cluster.storage(f % 4).put(prefix + "/in-" + f, content.toString().getBytes(StandardCharsets.UTF_8),
                    cluster.token(), false);
        }
        return all;
    }

    /**
     * Two stages over the prefix: every segment sleeps first, so the bucket stage is still running
     * when a worker dies, then sends each line to a bucket; each bucket is sorted.
     */
    private static JobRequest slowShuffle(String prefix, int buckets) {
        return new JobRequest("slow shuffle", new JobInput(List.of(), List.of(prefix + "/")), "lines", List.of(
                stage("stream", "SEGMENT", "sleep 2; awk '{ print NR % " + buckets + " \"\\t\" $0 }'",
                        buckets(prefix + "-tmp", buckets, true)),
                new StageRequest("stream", null, "FILE", null, "sort", "lines", local(prefix + "-out"))), null, null);
    }

    /** Submits through worker 0 and waits until two segments of the first stage are done. */
    private String submitAndAwaitProgress(SphereJobs jobs, JobRequest request) {
        JobStatus submitted = jobs.submit(0, request);
        cluster.waitUntil("the bucket stage is under way", () -> {
            JobStatus status = jobs.status(0, submitted.id());
            return !status.stages().isEmpty() && status.stages().getFirst().done() >= 2;
        }, JOB_TIMEOUT);
        return submitted.id();
    }

    @Test
    void aWorkerKilledDuringTheBucketStageLosesNoRecordAndDuplicatesNone() throws Exception {
        SphereJobs jobs = start(Map.of("sector.sphere.segments.min", "1KB"));
        List<String> lines = writeLines("shuffle", 4, 1500);
        String id = submitAndAwaitProgress(jobs, slowShuffle("shuffle", 5));
        cluster.killWorker(3);

        JobStatus done = jobs.await(0, id, JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        assertThat(done.stages().getFirst().retries()).as("segments ran again").isPositive();
        assertSameLines(done, lines);
    }

    @Test
    void anotherWorkerTakesOverAJobWhoseCoordinatorDiesAndFinishesIt() throws Exception {
        SphereJobs jobs = start(Map.of("sector.sphere.segments.min", "1KB"));
        List<String> lines = writeLines("orphan", 4, 1500);
        String id = submitAndAwaitProgress(jobs, slowShuffle("orphan", 3));
        cluster.killWorker(0);

        JobStatus done = jobs.await(1, id, JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        assertThat(done.coordinator()).isNotEqualTo(cluster.sphereUrl(0));
        assertSameLines(done, lines);
    }

    /** The job's output holds every input line exactly once, in any order. */
    private void assertSameLines(JobStatus done, List<String> lines) throws Exception {
        List<String> out = new ArrayList<>(Arrays.asList(concatenated(done.outputs()).split("\n")));
        List<String> expected = new ArrayList<>(lines);
        out.sort(null);
        expected.sort(null);
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void aFunctionThatNeverReturnsTimesOutItsAttemptsAndTheJobFails() {
        SphereJobs jobs = start(Map.of("sector.sphere.elements.unit-timeout", "5s"));
        writeLines("hang", 1, 10);
        JobStatus done = jobs.run(1, oneStage(List.of("hang/in-0"), List.of(), "lines",
                stage("stream", "SEGMENT", "sleep 600", local("hang-out"))), JOB_TIMEOUT);

        assertThat(done.state()).isEqualTo("FAILED");
        assertThat(done.error()).contains("longer than its timeout");
        JobStatus later = jobs.run(2, oneStage(List.of("hang/in-0"), List.of(), "lines",
                stage("identity", "SEGMENT", null, local("after-hang"))), JOB_TIMEOUT);
        assertThat(later.state()).as("the workers keep working").isEqualTo("SUCCEEDED");
    }

    private String concatenated(List<String> names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create(cluster.storageUrl(0) + "/api/v1/files/" + name)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET " + name).isEqualTo(200);
            out.write(response.body());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
