package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sector job ...} and {@code sector stream} against a worker that answers like a real one. */
class JobCommandsTest {

    @TempDir
    Path directory;

    private FakeWorker worker;
    private CliRunner cli;

    @BeforeEach
    void start() {
        worker = new FakeWorker();
        cli = new CliRunner(directory)
                .variable("SECTOR_SPHERE_ENDPOINT", worker.url())
                .variable("SECTOR_TOKEN", "t0ken");
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    @Test
    void submitSendsAOneStageJobWithTheTokenAndPrintsItsId() {
        int code = cli.run("job", "submit", "-i", "logs/", "-i", "a.txt", "--format", "lines", "--operator", "grep",
                "--params", "ERROR [0-9]+", "--output", "local:found", "--unit", "segment");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("j-1\n");
        JobRequest job = worker.submitted().getFirst();
        assertThat(job.input().prefixes()).containsExactly("logs/");
        assertThat(job.input().files()).containsExactly("a.txt");
        assertThat(job.format()).isEqualTo("lines");
        assertThat(job.stages()).containsExactly(new StageRequest("grep", null, "SEGMENT", null, "ERROR [0-9]+", null,
                new OutputRequest("LOCAL", "found", null, null)));
        assertThat(worker.requests().getFirst().authorization()).isEqualTo("Bearer t0ken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local:", "buckets:4", "buckets:x:out", "buckets:0:out", "caller:x", "file:out"})
    void aBadOutputIsAUsageErrorOnOneLineAndNothingIsSubmitted(String output) {
        int code = cli.run("job", "submit", "-i", "a.txt", "--operator", "identity", "--output", output);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().lines()).singleElement().asString()
                .startsWith("sector job submit: ").contains("--output").contains(output);
        assertThat(worker.requests()).isEmpty();
    }

    @Test
    void theOptionsOfAOneStageJobAreRequiredAndExcludeAJobFile() throws IOException {
        Path file = directory.resolve("job.json");
        Files.writeString(file, "{}");

        assertThat(cli.run("job", "submit", "-i", "a.txt")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--operator");
        assertThat(cli.run("job", "submit", "--operator", "identity")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("-i NAME");
        assertThat(cli.run("job", "submit", "-f", "job.json", "--operator", "identity")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("-f takes the whole job");
        assertThat(worker.requests()).isEmpty();
    }

    @Test
    void aJobFileIsSentAsWrittenAndAMisspeltFieldIsRefused() throws IOException {
        Files.writeString(directory.resolve("job.json"), """
                {"name": "two", "input": {"prefixes": ["in/"]}, "format": "fixed:100", "segmentMaxBytes": 1000,
                 "stages": [
                   {"operator": "terasort-bucket", "output": {"kind": "BUCKETS", "prefix": "o/_b", "buckets": 2, "temporary": true}},
                   {"operator": "terasort-sort", "unit": "FILE", "output": {"kind": "LOCAL", "prefix": "o"}}]}
                """);
        Files.writeString(directory.resolve("typo.json"), """
                {"input": {"files": ["a"]}, "stages": [{"operatr": "identity"}]}
                """);

        assertThat(cli.run("job", "submit", "-f", "job.json")).as(cli.err()).isZero();
        JobRequest job = worker.submitted().getFirst();
        assertThat(job.stages()).hasSize(2);
        assertThat(job.segmentMaxBytes()).isEqualTo(1000L);
        assertThat(job.stages().getFirst().output().temporary()).isTrue();

        assertThat(cli.run("job", "submit", "-f", "typo.json")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().lines()).singleElement().asString().startsWith("sector: ").contains("operatr");
        assertThat(cli.run("job", "submit", "-f", "missing.json")).isEqualTo(ExitCodes.LOCAL_IO);
        assertThat(worker.submitted()).hasSize(1);
    }

    @Test
    void aFailedJobEndsWithItsErrorOnOneLineAndItsExitCode() {
        worker.failingWith("grep: bad regex '[': Unclosed character class");

        int code = cli.run("job", "submit", "-i", "a.txt", "--operator", "grep", "--params", "[", "--wait",
                "--no-progress");

        assertThat(code).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(cli.err()).isEqualTo("sector: job j-1 failed: grep: bad regex '[': Unclosed character class\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void waitingDrawsAnAsciiProgressBarAndPrintsTheSummaryAndOutputs() {
        worker.withOutputs("found/part-00000", "found/part-00001");

        int code = cli.run("job", "submit", "-i", "a.txt", "--operator", "grep", "--params", "x", "-o", "local:found",
                "--wait");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("""
                job j-1 succeeded in 1.5 s: 4 segments, 3.9 KiB in, 400 B out, 100% data-local
                found/part-00000
                found/part-00001
                """);
        assertThat(cli.err()).contains("job j-1").contains("4/4").doesNotContain("█");
    }

    @Test
    void aRefusedSubmitEndsWithTheCodeOfItsKind() {
        worker.refusingSubmits(409);

        assertThat(cli.run("job", "submit", "-i", "a.txt", "--operator", "identity", "-o", "local:out"))
                .isEqualTo(ExitCodes.CONFLICT);
        assertThat(cli.err()).isEqualTo("sector: submit job: refused as told (HTTP 409)\n");
    }

    @Test
    void statusShowsTheJobForPeopleAndAsJson() {
        worker.withJob("j-7", "SUCCEEDED");

        assertThat(cli.run("job", "status", "j-7")).isZero();
        assertThat(cli.out()).contains("SUCCEEDED").contains("STAGE").contains("data-local");

        assertThat(cli.run("job", "status", "j-7", "--json")).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(cli.out());
        assertThat(json.path("id").asString()).isEqualTo("j-7");
        assertThat(json.path("stages").get(0).path("done").asInt()).isEqualTo(4);
        assertThat(json.path("submittedAt").asString()).as("times as ISO-8601").isEqualTo("2026-12-07T16:00:00Z");

        assertThat(cli.run("job", "status", "j-404")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).isEqualTo("sector: job j-404: no job j-404 (HTTP 404)\n");
    }

    @Test
    void waitOnACancelledJobEndsNonZero() {
        worker.withJob("j-7", "RUNNING");

        assertThat(cli.run("job", "cancel", "j-7")).as(cli.err()).isZero();
        assertThat(worker.requests().getLast().method()).isEqualTo("DELETE");
        assertThat(worker.requests().getLast().authorization()).isEqualTo("Bearer t0ken");

        assertThat(cli.run("job", "wait", "j-7", "--no-progress")).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(cli.err()).isEqualTo("sector: job j-7 was cancelled\n");
    }

    @Test
    void lsListsTheJobs() {
        worker.withJob("j-7", "SUCCEEDED");

        assertThat(cli.run("job", "ls")).isZero();
        assertThat(cli.out().lines()).hasSize(2).last().asString().startsWith("j-7").contains("SUCCEEDED")
                .contains("4/4");
    }

    @Test
    void resultsGoToStandardOutputOrAFile() throws IOException {
        byte[] records = "a\t1\nb\t2\n".getBytes(StandardCharsets.UTF_8);
        worker.withResults("j-7", records);

        assertThat(cli.run("job", "results", "j-7")).isZero();
        assertThat(cli.stdoutBytes()).isEqualTo(records);

        assertThat(cli.run("job", "results", "j-7", "counts.txt")).isZero();
        assertThat(directory.resolve("counts.txt")).hasBinaryContent(records);
        assertThat(directory.resolve("counts.txt.part")).doesNotExist();

        assertThat(cli.run("job", "results", "j-8", "none.txt")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(directory.resolve("none.txt")).doesNotExist();
        assertThat(directory.resolve("none.txt.part")).doesNotExist();
    }

    @Test
    void streamRunsTheCommandAsAOneStageJobAndPrintsTheOutputFiles() {
        worker.withOutputs("upper/bucket-00000", "upper/bucket-00001");

        int code = cli.run("stream", "-i", "demo/", "-o", "upper", "-c", "tr a-z A-Z", "-b", "2", "--no-progress");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("upper/bucket-00000\nupper/bucket-00001\n");
        JobRequest job = worker.submitted().getFirst();
        assertThat(job.format()).isEqualTo("lines");
        assertThat(job.stages()).containsExactly(new StageRequest("stream", null, "SEGMENT", null, "tr a-z A-Z", null,
                new OutputRequest("BUCKETS", "upper", 2, null)));
    }

    @Test
    void streamNeedsACommandAndAnOutput() {
        assertThat(cli.run("stream", "-i", "demo/", "-o", "upper")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--command");
        assertThat(cli.run("stream", "-i", "demo/", "-c", "cat", "-o", "x", "-b", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(worker.requests()).isEmpty();
    }
}
