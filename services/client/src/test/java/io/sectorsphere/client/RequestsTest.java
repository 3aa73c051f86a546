package io.sectorsphere.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.client.CannedServer.Request;
import io.sectorsphere.client.CannedServer.Response;
import io.sectorsphere.common.file.DeletionReport;
import io.sectorsphere.common.file.FileListing;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How names, queries and tokens go on the wire, and how failures come back. */
class RequestsTest {

    private final CannedServer node = new CannedServer();
    private final SectorClient client = new SectorClient(
            new SectorClientConfig(node.uri(), node.uri(), "s3cret", null, null));

    @AfterEach
    void close() {
        client.close();
        node.close();
    }

    @Test
    void eachSegmentOfANameIsPercentEncodedInUtf8AndTheSlashesKept() {
        client.exists("dir with space/ü+%#?;.txt");
        assertThatThrownBy(() -> client.locate("dir with space/ü+%#?;.txt")).isInstanceOf(NotFoundException.class);

        assertThat(node.requests()).extracting(Request::rawPath).containsExactly(
                "/api/v1/files/dir%20with%20space/%C3%BC%2B%25%23%3F%3B.txt",
                "/api/v1/locate/dir%20with%20space/%C3%BC%2B%25%23%3F%3B.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a//b", "/abs", "a\u0000b", ""})
    void anInvalidNameFailsBeforeAnyRequest(String name) {
        assertThatThrownBy(() -> client.stat(name)).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.exitCode()).isEqualTo(BadRequestException.EXIT_CODE));
        assertThat(node.requests()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "400, io.sectorsphere.client.BadRequestException, 13",
        "403, io.sectorsphere.client.DeniedException, 11",
        "404, io.sectorsphere.client.NotFoundException, 10",
        "409, io.sectorsphere.client.ConflictException, 12",
        "507, io.sectorsphere.client.InsufficientStorageException, 14",
        "503, io.sectorsphere.client.UnavailableException, 15",
        "418, io.sectorsphere.client.SectorException, 1"})
    void anErrorStatusBecomesItsExceptionWithTheProblemDetail(int status, Class<?> type, int exitCode) {
        node.on("GET", "/api/v1/files/x/meta", Response.problem(status, "the node says why"));

        assertThatThrownBy(() -> client.stat("x")).isExactlyInstanceOf(type)
                .hasMessage("stat x: the node says why (HTTP " + status + ")")
                .satisfies(e -> {
                    assertThat(((SectorException) e).exitCode()).isEqualTo(exitCode);
                    assertThat(((SectorException) e).status()).isEqualTo(status);
                });
    }

    @Test
    void aNodeThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SectorClient nowhere = new SectorClient(URI.create("http://127.0.0.1:" + closedPort), null)) {
            assertThatThrownBy(() -> nowhere.stat("x")).isInstanceOf(UnavailableException.class)
                    .hasMessageStartingWith("stat x: cannot reach http://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void aListingSendsItsQueryAndReadsThePage() {
        node.on("GET", "/api/v1/files", Response.json(200, "{\"files\":[{\"name\":\"a b/1\",\"size\":3,"
                + "\"mtime\":\"2026-11-22T03:00:00Z\",\"checksum\":null,\"indexed\":true}],\"next\":\"a b/1\","
                + "\"unreachable\":[]}"));

        FileListing page = client.list("a b&c", 10, "a b/0");

        assertThat(node.requests().getFirst().rawQuery())
                .isEqualTo("prefix=a%20b%26c&limit=10&after=a%20b%2F0&scope=cluster");
        assertThat(page.files()).singleElement().satisfies(file -> assertThat(file.name()).isEqualTo("a b/1"));
        assertThat(page.next()).isEqualTo("a b/1");
    }

    @Test
    void aDeletionCarriesTheTokenAndReadsTheReport() {
        node.on("DELETE", "/api/v1/files/gone", Response.json(200,
                "{\"name\":\"gone\",\"deleted\":[\"h1:6200\"],\"failed\":[\"h2:6200\"]}"));

        DeletionReport report = client.delete("gone");

        assertThat(node.requests().getFirst().header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(report).isEqualTo(new DeletionReport("gone", List.of("h1:6200"), List.of("h2:6200")));
    }

    @Test
    void readsCarryNoToken() {
        node.on("HEAD", "/api/v1/files/here", Response.json(200, "{}"));

        assertThat(client.exists("here")).isTrue();
        assertThat(client.exists("not-here")).isFalse();
        assertThat(node.requests()).allSatisfy(request -> assertThat(request.header("Authorization")).isNull());
    }
}
