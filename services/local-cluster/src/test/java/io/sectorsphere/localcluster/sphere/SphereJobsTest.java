package io.sectorsphere.localcluster.sphere;

import static io.sectorsphere.localcluster.sphere.SphereJobs.buckets;
import static io.sectorsphere.localcluster.sphere.SphereJobs.caller;
import static io.sectorsphere.localcluster.sphere.SphereJobs.local;
import static io.sectorsphere.localcluster.sphere.SphereJobs.oneStage;
import static io.sectorsphere.localcluster.sphere.SphereJobs.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Sphere jobs on a four-node in-JVM cluster (locator, storage node and Sphere worker per node, each
 * worker with two processing elements in child JVMs), checked against answers the test computes
 * itself from the input it wrote. The cluster is shared; each test uses names of its own.
 */
class SphereJobsTest {

    private static final int NODES = 4;
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    private static MiniSectorCluster cluster;
    private static SphereJobs jobs;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void startCluster() {
        cluster = MiniSectorCluster.builder().nodes(NODES)
                .withSphere(Map.of("sector.sphere.segments.min", "1KB"))
                .start();
        jobs = new SphereJobs(cluster);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Text files of numbered lines, one per node, each uploaded through a different node. */
    private static List<String> writeLines(String prefix, int files, int linesPerFile) {
        List<String> all = new ArrayList<>();
        Random random = new Random(prefix.hashCode());
        String[] words = {"alpha", "beta", "gamma", "delta", "sector", "sphere", "udt", "chord"};
        for (int f = 0; f < files; f++) {
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < linesPerFile; i++) {
                String line = String.format(Locale.ROOT, "%s-%d-%05d %s %s %s", prefix, f, i,
                        words[random.nextInt(words.length)], words[random.nextInt(words.length)],
                        words[random.nextInt(words.length)]);
                content.append(line).append('\n');
                all.add(line);
            }
            cluster.storage(f % NODES).put(prefix + "/in-" + f, content.toString().getBytes(StandardCharsets.UTF_8),
                    cluster.token(), false);
        }
        return all;
    }

    /**
     * A job's output through node 0, as a user would read it. The job succeeded once each output was
     * locatable through its coordinator's node; another node's view of the ring may lag a moment.
     */
    private static byte[] read(String name) {
        @SuppressWarnings("unchecked")
        HttpResponse<byte[]>[] response = new HttpResponse[1];
        cluster.waitUntil("node 0 serves " + name, () -> {
            try {
                response[0] = http.send(HttpRequest.newBuilder(URI.create(cluster.storageUrl(0) + "/api/v1/files/" + name))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                return response[0].statusCode() == 200;
            } catch (java.io.IOException | InterruptedException e) {
                return false;
            }
        }, Duration.ofSeconds(20));
        return response[0].body();
    }

    private static String concatenated(List<String> names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            out.write(read(name));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void identityCopiesEveryRecordToLocalFilesInInputOrder() throws Exception {
        List<String> lines = writeLines("identity", 4, 3000);
        JobStatus done = jobs.run(1, oneStage(List.of(), List.of("identity/"), "lines",
                stage("identity", "SEGMENT", null, local("identity-out"))), JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        assertThat(done.outputs()).isNotEmpty().allMatch(name -> name.startsWith("identity-out/part-"));
        assertThat(concatenated(done.outputs())).isEqualTo(String.join("\n", lines) + "\n");
        assertThat(done.stages().getFirst().recordsOut()).isEqualTo(lines.size());
        assertThat(done.stages().getFirst().segments()).isGreaterThan(4);
        assertThat(done.dataLocalFraction()).isGreaterThan(0.5);
    }

    @Test
    void grepReturnsOnlyMatchingRecordsToTheCaller() {
        List<String> lines = writeLines("grep", 3, 2000);
        JobStatus done = jobs.run(2, oneStage(List.of(), List.of("grep/"), "lines",
                stage("grep", "RECORDS", "sphere udt", caller())), JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        String expected = lines.stream().filter(line -> line.contains("sphere udt")).map(line -> line + "\n")
                .collect(Collectors.joining());
        assertThat(new String(jobs.results(2, done.id()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void wordcountShufflesWordsIntoBucketsAndSumsEachBucket() throws Exception {
        List<String> lines = writeLines("words", 4, 2500);
        JobRequest request = new JobRequest("wordcount", new JobInput(List.of(), List.of("words/")), "lines", List.of(
                stage("wordcount", "SEGMENT", null, buckets("words-tmp", 5, true)),
                new StageRequest("sum", null, "FILE", null, null, "lines", local("words-out"))), null, null);
        JobStatus done = jobs.run(3, request, JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        Map<String, Long> expected = new TreeMap<>();
        for (String line : lines) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    expected.merge(word, 1L, Long::sum);
                }
            }
        }
        Map<String, Long> counted = new TreeMap<>();
        for (String line : concatenated(done.outputs()).split("\n")) {
            String[] fields = line.split("\t");
            assertThat(counted.put(fields[0], Long.parseLong(fields[1]))).as("word " + fields[0] + " once").isNull();
        }
        assertThat(counted).isEqualTo(expected);
        assertThat(done.stages()).hasSize(2);
        cluster.waitUntil("the temporary buckets are gone",
                () -> cluster.storage(0).meta("words-tmp/bucket-00000").isEmpty(), Duration.ofSeconds(30));
    }

    @Test
    void streamingRunsAShellCommandOverEachSegment() throws Exception {
        List<String> lines = writeLines("stream", 2, 1500);
        JobStatus done = jobs.run(0, oneStage(List.of(), List.of("stream/"), "lines",
                stage("stream", "SEGMENT", "awk '{ print toupper($2) }'", local("stream-out"))), JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        String expected = lines.stream().map(line -> line.split(" ")[1].toUpperCase(Locale.ROOT) + "\n")
                .collect(Collectors.joining());
        assertThat(concatenated(done.outputs())).isEqualTo(expected);
    }

    @Test
    void aFunctionThatFailsEveryAttemptFailsTheJobWithItsMessageAndLeavesNoOutput() {
        writeLines("failing", 1, 100);
        JobStatus done = jobs.run(1, oneStage(List.of("failing/in-0"), List.of(), "lines",
                stage("stream", "SEGMENT", "echo broken-record-42 >&2; exit 3", local("failing-out"))), JOB_TIMEOUT);

        assertThat(done.state()).isEqualTo("FAILED");
        assertThat(done.error()).contains("failed 3 times").contains("broken-record-42");
        assertThat(done.stages().getFirst().failedAttempts()).isGreaterThanOrEqualTo(3);
        assertThat(cluster.storage(0).meta("failing-out/part-00000")).isEmpty();
    }

    @Test
    void badJobsAreRefusedBeforeAnythingRuns() {
        writeLines("refused", 1, 10);
        StageRequest identity = stage("identity", null, null, local("refused-out"));
        assertThat(problem(() -> jobs.submit(0, oneStage(List.of("no/such/file"), List.of(), "lines", identity))))
                .isEqualTo(404);
        assertThat(problem(() -> jobs.submit(0, oneStage(List.of("refused/in-0"), List.of(), "lines",
                stage("no-such-operator", null, null, local("refused-out")))))).isEqualTo(400);
        assertThat(problem(() -> jobs.submit(0, oneStage(List.of("refused/in-0"), List.of(), "lines",
                stage("identity", null, "x".repeat(70_000), local("refused-out")))))).isEqualTo(400);
        assertThat(problem(() -> jobs.submit(0, oneStage(List.of("refused/in-0"), List.of(), "lines",
                stage("identity", null, null, local("refused")))))).isEqualTo(409);
        assertThat(problem(() -> new org.springframework.web.client.RestTemplate().postForObject(
                cluster.sphereUrl(0) + "/api/v1/jobs", oneStage(List.of("refused/in-0"), List.of(), "lines", identity),
                JobStatus.class))).isEqualTo(401);
        assertThat(cluster.storage(0).meta("refused-out/part-00000")).isEmpty();
    }

    @Test
    void aFunctionFromAUsersJarRunsInItsOwnClassLoaderAndBadJarsAreRefused() throws Exception {
        List<String> lines = writeLines("userjar", 2, 800);
        cluster.storage(1).put("ops/upper.jar", UserJars.compile("ops.Upper", """
                package ops;
                import io.sectorsphere.sphere.api.*;
                public class Upper implements SphereFunction {
                    public void process(Input input, Output output, Context context) throws Exception {
                        Records records = input.records();
                        while (records.next()) {
                            output.writeLine(context.parameterText() + records.text().toUpperCase());
                        }
                    }
                }
                """), cluster.token(), false);
        cluster.storage(1).put("ops/not-a.jar", "plain text".getBytes(StandardCharsets.UTF_8), cluster.token(), false);

        JobStatus done = jobs.run(2, oneStage(List.of(), List.of("userjar/"), "lines",
                new StageRequest("ops.Upper", "ops/upper.jar", "SEGMENT", null, "> ", null, local("userjar-out"))),
                JOB_TIMEOUT);

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        assertThat(concatenated(done.outputs())).isEqualTo(lines.stream()
                .map(line -> "> " + line.toUpperCase(Locale.ROOT) + "\n").collect(Collectors.joining()));
        assertThat(problem(() -> jobs.submit(0, oneStage(List.of("userjar/in-0"), List.of(), "lines",
                new StageRequest("ops.Upper", "ops/not-a.jar", null, null, null, null, local("userjar-bad")))))).isEqualTo(400);
        assertThat(problem(() -> jobs.submit(0, oneStage(List.of("userjar/in-0"), List.of(), "lines",
                new StageRequest("ops.Missing", "ops/upper.jar", null, null, null, null, local("userjar-bad")))))).isEqualTo(400);
    }

    private static int problem(Runnable call) {
        try {
            call.run();
        } catch (HttpClientErrorException e) {
            assertThat(e.getResponseHeaders().getContentType().toString()).contains("problem+json");
            return e.getStatusCode().value();
        }
        throw new AssertionError("the request was accepted");
    }

    @Test
    void teragenThenTerasortGivesSortedRecordsWithTeraGensChecksum() throws Exception {
        long rows = 40_000;
        StringBuilder control = new StringBuilder();
        int parts = 4;
        for (int p = 0; p < parts; p++) {
            control.append(String.format(Locale.ROOT, "%020d %020d\n", rows / parts * p, rows / parts));
        }
        cluster.storage(0).put("tera-control", control.toString().getBytes(StandardCharsets.US_ASCII), cluster.token(),
                false);
        JobStatus generated = jobs.run(0, new JobRequest("teragen", new JobInput(List.of("tera-control"), List.of()),
                "fixed:42", List.of(stage("teragen", "SEGMENT", null, local("tera-in"))), 42L, 42L), JOB_TIMEOUT);
        assertThat(generated.state()).as(String.valueOf(generated.error())).isEqualTo("SUCCEEDED");
        assertThat(generated.outputs()).hasSize(parts);
        byte[] input = concatenatedBytes(generated.outputs());
        assertThat(input).hasSize((int) rows * 100);

        JobRequest sort = new JobRequest("terasort", new JobInput(List.of(), List.of("tera-in/")), "fixed:100", List.of(
                stage("terasort-bucket", "SEGMENT", null, buckets("tera-out/_buckets", 6, true)),
                new StageRequest("terasort-sort", null, "FILE", null, null, "fixed:100", local("tera-out"))),
                null, null);
        JobStatus sorted = jobs.run(1, sort, JOB_TIMEOUT);
        assertThat(sorted.state()).as(String.valueOf(sorted.error())).isEqualTo("SUCCEEDED");
        byte[] output = concatenatedBytes(sorted.outputs());

        assertThat(output).hasSize(input.length);
        byte[][] expected = records(input);
        Arrays.sort(expected, SphereJobsTest::compareKeys);
        byte[][] actual = records(output);
        for (int i = 1; i < actual.length; i++) {
            assertThat(compareKeys(actual[i - 1], actual[i])).as("record %d after %d", i, i - 1).isLessThanOrEqualTo(0);
        }
        assertThat(checksum(actual)).isEqualTo(checksum(expected));
    }

    private static byte[] concatenatedBytes(List<String> names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            out.write(read(name));
        }
        return out.toByteArray();
    }

    private static byte[][] records(byte[] data) {
        byte[][] records = new byte[data.length / 100][];
        for (int i = 0; i < records.length; i++) {
            records[i] = Arrays.copyOfRange(data, i * 100, i * 100 + 100);
        }
        return records;
    }

    private static int compareKeys(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, 0, 10, b, 0, 10);
    }

    /** TeraValidate's checksum: the sum of every record's CRC32. */
    private static long checksum(byte[][] records) {
        long sum = 0;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (byte[] record : records) {
            crc.reset();
            crc.update(record);
            sum += crc.getValue();
        }
        return sum;
    }
}
