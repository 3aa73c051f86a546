package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code put} and {@code get}: arguments, where content goes, resuming, and the progress bar. */
class TransferCommandsTest {

    private static final byte[] SMALL = content(1024, 1);
    private static final byte[] LARGE = content(5 * 1024 * 1024, 2);
    /** A Unicode block of the terminal style; the ASCII style draws with '=' instead. */
    private static final String BLOCK = "█";

    @TempDir
    Path directory;

    private FakeNode node;
    private CliRunner cli;

    @BeforeEach
    void start() {
        node = new FakeNode();
        cli = new CliRunner(directory)
                .variable("SECTOR_ENDPOINT", node.url())
                .variable("SECTOR_LOCATOR", node.url());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void putStoresTheFileUnderItsOwnNameAndSaysWhatWasStored() throws IOException {
        Files.write(directory.resolve("a.dat"), SMALL);

        assertThat(cli.run("put", "a.dat")).as(cli::err).isZero();

        assertThat(node.file("a.dat")).isEqualTo(SMALL);
        assertThat(cli.out()).isEqualTo("stored a.dat (1.0 KiB, " + FakeNode.checksum(SMALL) + ")\n");
        assertThat(cli.err()).as("no progress bar for a small file").isEmpty();
    }

    @Test
    void putTakesTheNameFromTheSecondArgumentAndReplacesOnlyWithOverwrite() throws IOException {
        Files.write(directory.resolve("a.dat"), SMALL);
        node.withFile("demo/a.dat", new byte[] {1});

        assertThat(cli.run("put", "a.dat", "demo/a.dat")).isEqualTo(ExitCodes.CONFLICT);
        assertThat(cli.err()).hasLineCount(1).startsWith("sector: put demo/a.dat: demo/a.dat exists")
                .endsWith("; use --overwrite to replace it\n");
        assertThat(node.file("demo/a.dat")).containsExactly(1);

        assertThat(cli.run("put", "--overwrite", "a.dat", "demo/a.dat")).as(cli::err).isZero();
        assertThat(node.file("demo/a.dat")).isEqualTo(SMALL);
    }

    @Test
    void localFileNamesAreRelativeToTheDirectoryTheUserIsIn() throws IOException {
        Path elsewhere = Files.createDirectories(directory.resolve("elsewhere"));
        Files.write(elsewhere.resolve("b.dat"), SMALL);

        assertThat(cli.inDirectory(elsewhere).run("put", "b.dat")).as(cli::err).isZero();

        assertThat(node.file("b.dat")).isEqualTo(SMALL);
    }

    @Test
    void putOfAMissingLocalFileFailsWithOneLineBeforeAnyRequest() {
        assertThat(cli.run("put", "missing.dat")).isEqualTo(ExitCodes.LOCAL_IO);

        assertThat(cli.err()).hasLineCount(1)
                .isEqualTo("sector: " + directory.resolve("missing.dat") + ": no such file or directory\n");
        assertThat(node.requests()).isEmpty();
    }

    @Test
    void aTokenFromTheOptionOrTheEnvironmentAuthorizesWrites() throws IOException {
        Files.write(directory.resolve("a.dat"), SMALL);

        cli.variable("SECTOR_TOKEN", "from-env").run("put", "a.dat", "one");
        cli.run("put", "--token", "from-option", "a.dat", "two");

        assertThat(node.requests("PUT", "/api/v1/files/one").getFirst().header("Authorization"))
                .isEqualTo("Bearer from-env");
        assertThat(node.requests("PUT", "/api/v1/files/two").getFirst().header("Authorization"))
                .isEqualTo("Bearer from-option");
    }

    @Test
    void aWriteDeniedWithoutATokenSaysHowToGiveOne() throws IOException {
        Files.write(directory.resolve("a.dat"), SMALL);
        node.failing("PUT", "/api/v1/files/a.dat", 403);

        assertThat(cli.run("put", "a.dat")).isEqualTo(ExitCodes.DENIED);
        assertThat(cli.err()).hasLineCount(1).endsWith("; no token was given: set SECTOR_TOKEN or use --token\n");

        assertThat(cli.run("put", "--token", "wrong", "a.dat")).isEqualTo(ExitCodes.DENIED);
        assertThat(cli.err()).hasLineCount(1).doesNotContain("no token was given");
    }

    @Test
    void getWithADashWritesTheContentAndNothingElseToStdout() {
        node.withFile("big.dat", LARGE);

        assertThat(cli.run("get", "big.dat", "-")).as(cli::err).isZero();

        assertThat(cli.stdoutBytes()).as("exactly the content: no bar, no message").isEqualTo(LARGE);
        assertThat(cli.err()).as("the bar goes to stderr").contains("100%", "MiB/s");
    }

    @Test
    void aReaderThatStopsEarlyEndsTheDownloadSilentlyAsSigpipeWould() {
        node.withFile("a.dat", SMALL);
        cli.stdout(failingWith("Broken pipe"));

        assertThat(cli.run("get", "a.dat", "-")).isEqualTo(ExitCodes.STDOUT_CLOSED);

        assertThat(cli.err()).isEmpty();
    }

    @Test
    void anyOtherFailureToWriteStdoutIsReportedInOneLine() {
        node.withFile("a.dat", SMALL);
        cli.stdout(failingWith("No space left on device"));

        assertThat(cli.run("get", "a.dat", "-")).isEqualTo(ExitCodes.LOCAL_IO);

        assertThat(cli.err()).isEqualTo("sector: get a.dat: cannot write to standard output: No space left on device\n");
    }

    @Test
    void getWithoutAFileWritesToStdoutWhenItIsAPipe() {
        node.withFile("demo/a.dat", SMALL);

        assertThat(cli.stdoutIsTerminal(false).run("get", "demo/a.dat")).as(cli::err).isZero();

        assertThat(cli.stdoutBytes()).isEqualTo(SMALL);
        assertThat(directory.resolve("a.dat")).doesNotExist();
    }

    @Test
    void getWithoutAFileOnATerminalSavesUnderTheLastSegmentOfTheName() throws IOException {
        node.withFile("demo/a.dat", SMALL);

        assertThat(cli.stdoutIsTerminal(true).run("get", "demo/a.dat")).as(cli::err).isZero();

        assertThat(directory.resolve("a.dat")).hasBinaryContent(SMALL);
        assertThat(cli.out()).isEqualTo("saved demo/a.dat to " + directory.resolve("a.dat") + " (1.0 KiB)\n");
    }

    @Test
    void getToAFileOrIntoADirectory() throws IOException {
        node.withFile("demo/a.dat", SMALL);
        Path into = Files.createDirectories(directory.resolve("into"));

        assertThat(cli.run("get", "demo/a.dat", "copy.dat")).as(cli::err).isZero();
        assertThat(cli.run("get", "demo/a.dat", "into")).as(cli::err).isZero();

        assertThat(directory.resolve("copy.dat")).hasBinaryContent(SMALL);
        assertThat(into.resolve("a.dat")).hasBinaryContent(SMALL);
    }

    @Test
    void getResumesAPartialDownloadFromWhereItStopped() throws IOException {
        node.withFile("big.dat", LARGE);
        int half = LARGE.length / 2;
        Files.write(directory.resolve("big.dat.part"), Arrays.copyOf(LARGE, half));

        assertThat(cli.run("get", "big.dat", "big.dat")).as(cli::err).isZero();

        assertThat(directory.resolve("big.dat")).hasBinaryContent(LARGE);
        assertThat(directory.resolve("big.dat.part")).doesNotExist();
        assertThat(node.requests("GET", "/api/v1/files/big.dat")).singleElement()
                .satisfies(request -> assertThat(request.header("Range")).isEqualTo("bytes=" + half + "-"));
        assertThat(cli.out()).contains("resumed after 2.5 MiB");
    }

    @Test
    void getWithNoResumeStartsOver() throws IOException {
        node.withFile("a.dat", SMALL);
        Files.write(directory.resolve("a.dat.part"), new byte[] {9, 9, 9});

        assertThat(cli.run("get", "--no-resume", "a.dat", "a.dat")).as(cli::err).isZero();

        assertThat(directory.resolve("a.dat")).hasBinaryContent(SMALL);
        assertThat(node.requests("GET", "/api/v1/files/a.dat")).singleElement()
                .satisfies(request -> assertThat(request.header("Range")).isNull());
        assertThat(cli.out()).doesNotContain("resumed");
    }

    @Test
    void aCorruptDownloadLeavesNoFileAndEndsWithTheChecksumCode() {
        node.withFile("a.dat", SMALL).corrupt("a.dat", content(SMALL.length, 3));

        assertThat(cli.run("get", "a.dat", "a.dat")).isEqualTo(ExitCodes.CHECKSUM_MISMATCH);

        assertThat(cli.err()).hasLineCount(1).startsWith("sector: a.dat: received content has checksum");
        assertThat(directory.resolve("a.dat")).doesNotExist();
        assertThat(directory.resolve("a.dat.part")).doesNotExist();
    }

    @Test
    void aLargeTransferShowsAnAsciiBarWithRateAndTimeOnAStderrThatIsNoTerminal() throws IOException {
        Files.write(directory.resolve("big.dat"), LARGE);

        assertThat(cli.stderrIsTerminal(false).run("put", "big.dat")).as(cli::err).isZero();

        assertThat(cli.err()).contains("put big.dat", "100%", "5/5MiB", "MiB/s", "[=").doesNotContain(BLOCK);
        assertThat(cli.err()).containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)"); // elapsed / left
        assertThat(cli.out()).as("the summary alone on stdout").startsWith("stored big.dat (5.0 MiB,").hasLineCount(1);
    }

    @Test
    void aTerminalGetsTheUnicodeBar() {
        node.withFile("big.dat", LARGE);

        assertThat(cli.stderrIsTerminal(true).run("get", "big.dat", "big.dat")).as(cli::err).isZero();

        assertThat(cli.err()).contains(BLOCK, "MiB/s");
    }

    @Test
    void smallTransfersAndNoProgressShowNoBar() throws IOException {
        node.withFile("small.dat", SMALL).withFile("big.dat", LARGE);

        assertThat(cli.run("get", "small.dat", "small.dat")).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.run("get", "--no-progress", "big.dat", "big.dat")).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(directory.resolve("big.dat")).hasBinaryContent(LARGE);
    }

    private static OutputStream failingWith(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }

    private static byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
