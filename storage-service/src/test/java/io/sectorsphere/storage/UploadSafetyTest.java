package io.sectorsphere.storage;

import static io.sectorsphere.storage.ClusterReadsTest.metric;
import static io.sectorsphere.storage.ClusterReadsTest.randomBytes;
import static io.sectorsphere.storage.ClusterReadsTest.sha256;
import static io.sectorsphere.storage.StorageCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.storage.StorageCluster.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Uploads that must not store anything: refused writers, hostile names, a full node, a wrong
 * digest, a client that dies halfway. Each leaves no file, no staged file, and nothing outside the
 * data directory.
 */
class UploadSafetyTest {

    private static StorageCluster cluster;
    private static Node open;
    private static Node small;
    private static Node fenced;

    @BeforeAll
    static void startCluster() {
        cluster = StorageCluster.start();
        open = cluster.startNode(Map.of());
        small = cluster.startNode(Map.of("sector.storage.capacity", "1MB"));
        fenced = cluster.startNode(Map.of("sector.storage.security.write-allow", "10.0.0.0/8",
                "sector.storage.security.read-requires-token", "true"));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void writeFromAnAddressOutsideTheAllowListIsRefusedEvenWithAValidToken() {
        HttpResponse<byte[]> upload = fenced.put("/api/v1/files/fenced.bin", new byte[100]);
        HttpResponse<byte[]> delete = fenced.delete("/api/v1/files/anything");

        assertProblem(upload, 403);
        assertThat(JSON.readTree(upload.body()).get("reason").asString()).isEqualTo("address");
        assertProblem(delete, 403);
        assertThat(fenced.holds("fenced.bin")).isFalse();
        assertThat(dataFiles(fenced)).isEmpty();
        assertThat(metric(fenced, "sector_storage_uploads_rejected_total{reason=\"address\"", 1)).isTrue();
    }

    @Test
    void readsNeedATokenWhereConfigured() {
        HttpResponse<byte[]> anonymous = fenced.get("/api/v1/files");
        HttpResponse<byte[]> wrong = fenced.send(fenced.request("/api/v1/files").header("Authorization", "Bearer no"));
        HttpResponse<byte[]> withToken = fenced.send(fenced.request("/api/v1/files")
                .header("Authorization", StorageCluster.BEARER));

        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertProblem(wrong, 401);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(open.get("/api/v1/files").statusCode()).isEqualTo(200);
    }

    @Test
    void symbolicLinksOutOfTheDataDirectoryAreNeitherServedNorWrittenThrough() throws IOException {
        Path outside = open.dataDir().getParent().resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(open.dataDir().resolve("link"), outside);
        Files.createSymbolicLink(open.dataDir().resolve("secret-link.txt"), outside.resolve("secret.txt"));
        Files.writeString(open.dataDir().resolve("marker.txt"), "scanned");
        cluster.waitUntil("a rescan has seen the links", () -> open.holds("marker.txt"));

        HttpResponse<byte[]> throughDirectory = open.get("/api/v1/files/link/secret.txt?scope=local");
        HttpResponse<byte[]> linkedFile = open.get("/api/v1/files/secret-link.txt?scope=local");
        HttpResponse<byte[]> write = open.put("/api/v1/files/link/planted.txt", new byte[3]);

        assertProblem(throughDirectory, 404);
        assertProblem(linkedFile, 404);
        assertProblem(write, 409);
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(JSON.readTree(open.get("/api/v1/files?prefix=link").body()).get("files")).isEmpty();
        assertThat(open.staging()).isEmptyDirectory();
        Files.delete(open.dataDir().resolve("link"));
        Files.delete(open.dataDir().resolve("secret-link.txt"));
        Files.delete(open.dataDir().resolve("marker.txt"));
    }

    @Test
    void writeWithoutAValidTokenIsRefused() {
        HttpResponse<byte[]> none = open.send(open.request("/api/v1/files/tokenless.bin")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])));
        HttpResponse<byte[]> wrong = open.send(open.request("/api/v1/files/tokenless.bin")
                .header("Authorization", "Bearer not-the-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])));
        HttpResponse<byte[]> hashInsteadOfToken = open.send(open.request("/api/v1/files/tokenless.bin")
                .header("Authorization", "Bearer " + sha256(StorageCluster.TOKEN.getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])));
        HttpResponse<byte[]> replicate = open.send(open.request("/api/v1/replicas")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ClusterReadsTest.replicationRequest("tokenless.bin",
                        small.url(), "sha256:" + "0".repeat(64)))));

        for (HttpResponse<byte[]> refused : List.of(none, wrong, hashInsteadOfToken, replicate)) {
            assertProblem(refused, 403);
        }
        assertThat(JSON.readTree(none.body()).get("reason").asString()).isEqualTo("token");
        assertThat(open.holds("tokenless.bin")).isFalse();
        assertThat(open.dataDir().resolve("tokenless.bin")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "%2e%2e/x", "a/%2E%2E/x", "..%2Fx", "/x", "/etc/passwd", "a//x", "x/", "nul%00x",
            "ctl%0Ax", ".sector-staging/x", "a/meta", "records", "a/./x"})
    void hostileNamesAreRefusedAndTouchNothingOutsideTheDataDirectory(String name) {
        HttpResponse<byte[]> upload = open.put("/api/v1/files/" + name, "escape".getBytes(StandardCharsets.UTF_8));

        assertProblem(upload, 400);
        assertThat(open.dataDir().getParent().resolve("x")).doesNotExist();
        assertThat(Path.of("/x")).doesNotExist();
        assertThat(dataFiles(open)).noneMatch(path -> path.endsWith("x"));
        assertThat(open.staging()).isEmptyDirectory();
    }

    @Test
    void namesMapOneToOneOntoPathsInsideTheDataDirectory() throws IOException {
        String name = "été/naïve ü;v=1%20+#.txt";
        byte[] content = "unicode".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> upload = open.put("/api/v1/files/"
                + io.sectorsphere.common.FileNamePaths.encode(io.sectorsphere.common.FileName.of(name)), content);

        assertThat(upload.statusCode()).as(new String(upload.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(JSON.readTree(upload.body()).get("name").asString()).isEqualTo(name);
        assertThat(Files.readAllBytes(open.dataDir().resolve("été").resolve("naïve ü;v=1%20+#.txt"))).isEqualTo(content);
        assertThat(JSON.readTree(open.get("/api/v1/files?prefix=%C3%A9t%C3%A9/").body()).get("files").get(0)
                .get("name").asString()).isEqualTo(name);
    }

    @Test
    void namesLongerThan255BytesAreRefused() {
        assertProblem(open.put("/api/v1/files/" + "a".repeat(300), new byte[1]), 400);
        assertProblem(open.put("/api/v1/files/" + "%C3%A9".repeat(128), new byte[1]), 400);
        assertThat(dataFiles(open)).noneMatch(path -> path.getFileName().toString().startsWith("aaaa"));
    }

    @Test
    void uploadBeyondCapacityIsRefusedWith507AndLeavesNothing() {
        byte[] twoMiB = randomBytes(2 << 20, 7);

        HttpResponse<byte[]> declared = small.put("/api/v1/files/full/declared.bin", twoMiB);
        HttpResponse<byte[]> chunked = small.send(small.request("/api/v1/files/full/chunked.bin")
                .header("Authorization", StorageCluster.BEARER)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMiB))));
        HttpResponse<byte[]> fits = small.put("/api/v1/files/full/fits.bin", new byte[1000]);

        assertProblem(declared, 507);
        assertProblem(chunked, 507);
        assertThat(fits.statusCode()).isEqualTo(201);
        assertThat(small.holds("full/declared.bin")).isFalse();
        assertThat(small.holds("full/chunked.bin")).isFalse();
        assertThat(dataFiles(small)).extracting(path -> path.getFileName().toString()).containsExactly("fits.bin");
        cluster.waitUntil("nothing is staged", () -> isEmpty(small.staging()));
        assertThat(metric(small, "sector_storage_uploads_rejected_total{reason=\"capacity\"", 2)).isTrue();
    }

    @Test
    void uploadWhoseDigestDoesNotMatchIsRefusedAndAMatchingOneIsStored() {
        byte[] content = randomBytes(5000, 8);
        String good = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(content)));
        String bad = Base64.getEncoder().encodeToString(new byte[32]);

        HttpResponse<byte[]> mismatch = open.send(open.request("/api/v1/files/digest/bad.bin")
                .header("Authorization", StorageCluster.BEARER).header("Content-Digest", "sha-256=:" + bad + ":")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        HttpResponse<byte[]> sectorMismatch = open.send(open.request("/api/v1/files/digest/bad2.bin")
                .header("Authorization", StorageCluster.BEARER).header("X-Sector-Checksum", "sha256:" + "1".repeat(64))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        HttpResponse<byte[]> malformed = open.send(open.request("/api/v1/files/digest/bad3.bin")
                .header("Authorization", StorageCluster.BEARER).header("Content-Digest", "sha-256=nonsense")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        HttpResponse<byte[]> match = open.send(open.request("/api/v1/files/digest/good.bin")
                .header("Authorization", StorageCluster.BEARER)
                .header("Content-Digest", "sha-512=:AAAA:, sha-256=:" + good + ":")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));

        assertProblem(mismatch, 400);
        assertProblem(sectorMismatch, 400);
        assertProblem(malformed, 400);
        assertThat(match.statusCode()).isEqualTo(201);
        assertThat(open.holds("digest/bad.bin")).isFalse();
        assertThat(open.holds("digest/bad2.bin")).isFalse();
        assertThat(open.get("/api/v1/files/digest/good.bin").body()).isEqualTo(content);
        assertThat(open.staging()).isEmptyDirectory();
    }

    @Test
    void clientThatDiesHalfwayThroughAnUploadLeavesNothingVisibleAndNothingStaged() throws IOException {
        int declared = 1 << 20;
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(open.holder().split(":")[1]))) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/files/half/dead.bin HTTP/1.1\r\nHost: " + open.holder() + "\r\n"
                    + "Authorization: " + StorageCluster.BEARER + "\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[declared / 2]);
            out.flush();
            cluster.waitUntil("the upload is being staged", () -> !isEmpty(open.staging()));
        }

        cluster.waitUntil("the abandoned upload is counted",
                () -> metric(open, "sector_storage_uploads_rejected_total{reason=\"incomplete\"", 1));
        cluster.waitUntil("nothing is staged", () -> isEmpty(open.staging()));
        assertThat(open.holds("half/dead.bin")).isFalse();
        assertThat(open.dataDir().resolve("half")).doesNotExist();
    }

    @Test
    void bodiesSentAsFormDataAreStoredAsTheyAre() {
        byte[] content = "a=1&b=2".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> upload = open.send(open.request("/api/v1/files/curl/form.txt?overwrite=false")
                .header("Authorization", StorageCluster.BEARER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));

        assertThat(upload.statusCode()).as(new String(upload.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(open.get("/api/v1/files/curl/form.txt").body()).isEqualTo(content);
    }

    @Test
    void existingNameIsAConflictUnlessOverwriting() {
        assertThat(open.put("/api/v1/files/twice.txt", "one".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);

        HttpResponse<byte[]> again = open.put("/api/v1/files/twice.txt", "two".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> overwrite = open.put("/api/v1/files/twice.txt?overwrite=true",
                "three".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> underAFile = open.put("/api/v1/files/twice.txt/inside", new byte[1]);

        assertProblem(again, 409);
        assertThat(overwrite.statusCode()).isEqualTo(200);
        assertProblem(underAFile, 409);
        assertThat(new String(open.get("/api/v1/files/twice.txt").body(), StandardCharsets.UTF_8)).isEqualTo("three");
    }

    @Test
    void stagedLeftoversOfAnEarlierRunAreSweptAtStart() throws IOException {
        Path dataDir = open.dataDir().getParent().getParent().resolve("restarted/data");
        Path leftover = dataDir.resolve(".sector-staging/crashed-upload.part");
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, new byte[1234]);
        Files.write(dataDir.resolve("kept.bin"), new byte[10]);

        Node restarted = cluster.startNode(dataDir, Map.of());

        assertThat(leftover).doesNotExist();
        assertThat(restarted.holds("kept.bin")).isTrue();
        assertThat(JSON.readTree(restarted.get("/api/v1/files").body()).get("files").valueStream()
                .map(file -> file.get("name").asString())).containsExactly("kept.bin");
        restarted.stop();
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** Regular files in the node's data directory, staging excluded. */
    private static List<Path> dataFiles(Node node) {
        try (Stream<Path> tree = Files.walk(node.dataDir())) {
            return tree.filter(Files::isRegularFile).filter(path -> !path.startsWith(node.staging())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
