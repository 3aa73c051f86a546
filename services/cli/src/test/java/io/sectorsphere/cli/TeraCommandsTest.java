package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** teragen, terasort and teravalidate as the jobs they submit, against a fake storage node and worker. */
class TeraCommandsTest {

    @TempDir
    Path directory;

    private FakeNode node;
    private FakeWorker worker;
    private CliRunner cli;

    @BeforeEach
    void start() {
        node = new FakeNode();
        worker = new FakeWorker();
        cli = new CliRunner(directory)
                .variable("SECTOR_ENDPOINT", node.url())
                .variable("SECTOR_LOCATOR", node.url())
                .variable("SECTOR_SPHERE_ENDPOINT", worker.url())
                .variable("SECTOR_TOKEN", "t0ken");
    }

    @AfterEach
    void stop() {
        worker.close();
        node.close();
    }

    @Test
    void teragenRunsOverAControlFileOfTwoPartsPerNodeAndDeletesIt() {
        AtomicReference<byte[]> control = new AtomicReference<>();
        worker.onSubmit(job -> control.set(node.file("tera/in.teragen")));

        int code = cli.run("teragen", "1000", "tera/in", "--no-progress");

        assertThat(code).as(cli.err()).isZero();
        assertThat(new String(control.get(), StandardCharsets.US_ASCII)).as("one node: two parts").isEqualTo(
                "00000000000000000000 00000000000000000500\n00000000000000000500 00000000000000000500\n");
        assertThat(worker.submitted()).singleElement().isEqualTo(new JobRequest("teragen tera/in",
                new JobInput(List.of("tera/in.teragen"), null), "fixed:42",
                List.of(new StageRequest("teragen", null, null, null, null, null,
                        new OutputRequest("LOCAL", "tera/in", null, null))), 42L, 42L));
        assertThat(node.file("tera/in.teragen")).isNull();
        assertThat(cli.out()).startsWith("teragen rows=1000 parts=2 into tera/in/\n");
    }

    @Test
    void aFailedTeragenStillDeletesItsControlFile() {
        worker.failingWith("disk full");

        assertThat(cli.run("teragen", "10", "tera/in", "--parts", "5", "--no-progress"))
                .isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(cli.err()).isEqualTo("sector: job j-1 failed: disk full\n");
        assertThat(node.file("tera/in.teragen")).isNull();
    }

    @Test
    void teragenRefusesImpossibleCountsBeforeTouchingTheCluster() {
        assertThat(cli.run("teragen", "0", "tera/in")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("teragen", "10", "tera/in", "--parts", "11")).isEqualTo(ExitCodes.USAGE);
        assertThat(node.requests()).isEmpty();
        assertThat(worker.requests()).isEmpty();
    }

    @Test
    void terasortBucketsByKeyIntoATemporaryPrefixThenSortsEachBucketIntoTheOutput() {
        int code = cli.run("terasort", "tera/in", "tera/out", "--buckets", "3", "--no-progress");

        assertThat(code).as(cli.err()).isZero();
        assertThat(worker.submitted()).singleElement().isEqualTo(new JobRequest("terasort tera/out",
                new JobInput(null, List.of("tera/in/")), "fixed:100",
                List.of(new StageRequest("terasort-bucket", null, null, null, null, null,
                                new OutputRequest("BUCKETS", "tera/out/_buckets", 3, true)),
                        new StageRequest("terasort-sort", null, "FILE", null, null, "fixed:100",
                                new OutputRequest("LOCAL", "tera/out", null, null))), null, null));
    }

    @Test
    void terasortTakesTwoBucketsPerNodeByDefault() {
        assertThat(cli.run("terasort", "tera/in/", "tera/out/", "--no-progress")).as(cli.err()).isZero();

        assertThat(worker.submitted().getFirst().stages().getFirst().output().buckets()).isEqualTo(2);
    }

    @Test
    void teravalidateChecksTheSegmentsOfTheVisibleFilesAcrossFiles() {
        withOutputFiles();
        worker.withResults("j-1", """
                tera/out/part-00001 0 1 50000000000000000000 50000000000000000000 0 2
                tera/out/part-00000 0 2 00000000000000000000 40000000000000000000 0 ffffffff
                """.getBytes(StandardCharsets.US_ASCII));

        int code = cli.run("teravalidate", "tera/out", "--no-progress");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("teravalidate records=3 checksum=100000001 sorted=yes\n");
        JobRequest job = worker.submitted().getFirst();
        assertThat(job.input().files()).containsExactly("tera/out/part-00000", "tera/out/part-00001");
        assertThat(job.stages()).containsExactly(new StageRequest("teravalidate", null, "SEGMENT", null, null, null,
                new OutputRequest("CALLER", null, null, null)));
    }

    @Test
    void teravalidateEndsNonZeroAtTheFirstRecordOutOfOrder() {
        withOutputFiles();
        worker.withResults("j-1", """
                tera/out/part-00000 0 2 00000000000000000000 60000000000000000000 0 1
                tera/out/part-00001 0 1 50000000000000000000 50000000000000000000 0 1
                """.getBytes(StandardCharsets.US_ASCII));

        int code = cli.run("teravalidate", "tera/out", "--no-progress");

        assertThat(code).isEqualTo(ExitCodes.NOT_VALID);
        assertThat(cli.out()).isEqualTo("teravalidate records=3 checksum=2 sorted=no\n");
        assertThat(cli.err()).startsWith("sector: teravalidate: the first key 50000000000000000000 of tera/out/part-00001 at offset 0 is below")
                .hasLineCount(1);
    }

    @Test
    void teravalidateOfNothingIsAnError() {
        assertThat(cli.run("teravalidate", "tera/none", "--no-progress")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).isEqualTo("sector: teravalidate: no files below tera/none/\n");
        assertThat(worker.requests()).isEmpty();
    }

    @Test
    void summariesTheCommandCannotReadAreTheWorkersFault() {
        withOutputFiles();
        worker.withResults("j-1", "not a summary\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(cli.run("teravalidate", "tera/out", "--no-progress")).isEqualTo(ExitCodes.SOFTWARE);
        assertThat(cli.err()).startsWith("sector: not a teravalidate summary line").hasLineCount(1);
    }

    private void withOutputFiles() {
        node.withFile("tera/out/part-00000", new byte[200])
                .withFile("tera/out/part-00001", new byte[100])
                .withFile("tera/out/_buckets/bucket-00000", new byte[100])
                .withFile("tera/out/.hidden", new byte[1])
                .withFile("tera/outside", new byte[1]);
    }
}
