package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of failure: one line on stderr, starting with "sector:", and its own exit code. */
class ErrorExitCodesTest {

    @TempDir
    Path directory;

    private FakeNode node;
    private CliRunner cli;

    @BeforeEach
    void start() {
        node = new FakeNode().withFile("a.dat", new byte[10]);
        cli = new CliRunner(directory)
                .variable("SECTOR_ENDPOINT", node.url())
                .variable("SECTOR_LOCATOR", node.url());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @ParameterizedTest(name = "HTTP {0} ends with {1}")
    @CsvSource({
        "404, 10", // not found
        "401, 11", // denied
        "403, 11",
        "409, 12", // conflict
        "400, 13", // bad request
        "507, 14", // insufficient storage
        "503, 15", // unavailable
        "500, 15",
        "418, 1", // an answer the client does not understand
    })
    void aFailedRequestEndsWithTheCodeOfItsKind(int status, int exitCode) {
        node.failing("GET", "/api/v1/files/a.dat/meta", status);

        assertThat(cli.run("stat", "a.dat")).isEqualTo(exitCode);

        assertThat(cli.err()).hasLineCount(1).startsWith("sector: stat a.dat: forced failure " + status)
                .endsWith("(HTTP " + status + ")\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aNodeThatIsNotThereIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }

        assertThat(cli.run("ls", "--endpoint", "http://127.0.0.1:" + closed)).isEqualTo(ExitCodes.UNAVAILABLE);

        assertThat(cli.err()).hasLineCount(1).startsWith("sector: list: cannot reach http://127.0.0.1:" + closed);
    }

    @Test
    void anInvalidFileNameIsABadRequestMadeByNoOne() {
        assertThat(cli.run("stat", "../etc/passwd")).isEqualTo(ExitCodes.BAD_REQUEST);

        assertThat(cli.err()).hasLineCount(1).startsWith("sector: ");
        assertThat(node.requests()).isEmpty();
    }

    @Test
    void anEndpointThatIsNoUrlIsAUsageError() {
        assertThat(cli.run("ls", "--endpoint", "ftp://x")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.err()).hasLineCount(1).startsWith("sector: endpoint must be http(s)://");
    }

    @Test
    void missingArgumentsAndUnknownOptionsAreUsageErrors() {
        assertThat(cli.run("get")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).startsWith("sector get: Missing required parameter: 'NAME'");

        assertThat(cli.run("ls", "--limit", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).startsWith("sector ls: --limit must be at least 1");

        assertThat(cli.run("put", "--bogus", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).hasLineCount(1).contains("--bogus");
    }

    @Test
    void aLocalFileThatCannotBeWrittenHasItsOwnCode() {
        assertThat(cli.run("get", "a.dat", "no/such/dir/a.dat")).isEqualTo(ExitCodes.LOCAL_IO);

        assertThat(cli.err()).hasLineCount(1).startsWith("sector: ").contains("no such file or directory");
    }
}
