package io.sectorsphere.storage;

import static io.sectorsphere.storage.StorageCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.storage.StorageCluster.Node;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two storage nodes on one ring: every node answers for every file, by redirect or by proxy. */
class ClusterReadsTest {

    private static StorageCluster cluster;
    private static Node first;
    private static Node second;

    @BeforeAll
    static void startCluster() {
        cluster = StorageCluster.start();
        first = cluster.startNode(Map.of());
        second = cluster.startNode(Map.of());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void fileUploadedToOneNodeIsFetchedByteIdenticalFromAnotherThroughARedirect() {
        byte[] content = randomBytes(300_000, 1);
        HttpResponse<byte[]> upload = first.put("/api/v1/files/reads/redirect.bin", content);
        assertThat(upload.statusCode()).as(new String(upload.body())).isEqualTo(201);
        assertThat(upload.headers().firstValue("ETag")).hasValue("\"" + sha256(content) + "\"");
        awaitLocatable("reads/redirect.bin");

        HttpResponse<byte[]> redirect = second.get("/api/v1/files/reads/redirect.bin?x=1");

        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValue(first.url() + "/api/v1/files/reads/redirect.bin?x=1");
        HttpResponse<byte[]> fetched = cluster.send(HttpRequest.newBuilder(
                URI.create(redirect.headers().firstValue("Location").orElseThrow())));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
        assertThat(second.holds("reads/redirect.bin")).isFalse();
    }

    @Test
    void proxiedReadStreamsTheHoldersBytesWithTheSameRangeSemantics() {
        byte[] content = randomBytes(200_000, 2);
        assertThat(first.put("/api/v1/files/reads/proxy.bin", content).statusCode()).isEqualTo(201);
        awaitLocatable("reads/proxy.bin");

        HttpResponse<byte[]> whole = second.get("/api/v1/files/reads/proxy.bin?proxy=true");
        HttpResponse<byte[]> range = second.send(second.request("/api/v1/files/reads/proxy.bin?proxy=true")
                .header("Range", "bytes=1000-1999"));
        HttpResponse<byte[]> notModified = second.send(second.request("/api/v1/files/reads/proxy.bin?proxy=true")
                .header("If-None-Match", "\"" + sha256(content) + "\""));

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);
        assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + sha256(content) + "\"");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/200000");
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void holderAnswersRangesAndConditionalRequests() {
        byte[] content = randomBytes(10_000, 3);
        String etag = "\"" + sha256(content) + "\"";
        assertThat(first.put("/api/v1/files/reads/range.bin", content).statusCode()).isEqualTo(201);
        String path = "/api/v1/files/reads/range.bin";

        HttpResponse<byte[]> middle = first.send(first.request(path).header("Range", "bytes=100-199"));
        HttpResponse<byte[]> suffix = first.send(first.request(path).header("Range", "bytes=-10"));
        HttpResponse<byte[]> open = first.send(first.request(path).header("Range", "bytes=9990-"));
        HttpResponse<byte[]> beyond = first.send(first.request(path).header("Range", "bytes=10000-"));
        HttpResponse<byte[]> staleIfRange = first.send(first.request(path).header("Range", "bytes=0-9")
                .header("If-Range", "\"" + "0".repeat(64) + "\""));
        HttpResponse<byte[]> cached = first.send(first.request(path).header("If-None-Match", etag));
        HttpResponse<byte[]> changed = first.send(first.request(path).header("If-None-Match", "\"other\""));
        HttpResponse<byte[]> head = first.send(first.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10000));
        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 9990-9999/10000");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */10000");
        assertThat(staleIfRange.statusCode()).isEqualTo(200);
        assertThat(staleIfRange.body()).isEqualTo(content);
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(cached.headers().firstValue("ETag")).hasValue(etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(10_000);
        assertThat(head.headers().firstValue("Repr-Digest"))
                .hasValue("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(content))) + ":");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void fileCopiedIntoADataDirectoryByHandIsLocatableAndFetchableAfterARescan() throws Exception {
        byte[] content = randomBytes(50_000, 4);
        Path dropped = second.dataDir().resolve("by-hand/dropped.dat");
        Files.createDirectories(dropped.getParent());
        Files.write(dropped, content);

        awaitLocatable("by-hand/dropped.dat");
        HttpResponse<byte[]> redirect = first.get("/api/v1/files/by-hand/dropped.dat");
        JsonNode meta = first.json("/api/v1/files/by-hand/dropped.dat/meta");

        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).hasValue(second.url() + "/api/v1/files/by-hand/dropped.dat");
        assertThat(second.get("/api/v1/files/by-hand/dropped.dat").body()).isEqualTo(content);
        assertThat(meta.get("checksum").asString()).isEqualTo("sha256:" + sha256(content));
        assertThat(meta.get("size").asLong()).isEqualTo(content.length);
        assertThat(meta.get("replicas").valueStream().map(r -> r.get("holder").asString()))
                .containsExactly(second.holder());

        Files.delete(dropped);
        cluster.waitUntil("the removed file is no longer located",
                () -> first.get("/api/v1/files/by-hand/dropped.dat").statusCode() == 404);
    }

    @Test
    void recordsAreReturnedByIndexFromTheHolderAndThroughAnyNode() {
        byte[][] records = {bytes("alpha"), bytes(""), bytes("gamma-gamma"), bytes("d"), bytes("epsilon!")};
        byte[] data = concat(records);
        assertThat(first.put("/api/v1/files/recs/data.dat", data).statusCode()).isEqualTo(201);
        assertThat(first.put("/api/v1/files/recs/data.dat.idx", indexOf(records)).statusCode()).isEqualTo(201);

        JsonNode batch = first.json("/api/v1/files/recs/data.dat/records?from=1&count=3");
        HttpResponse<byte[]> raw = first.send(first.request("/api/v1/files/recs/data.dat/records?from=2&count=10")
                .header("Accept", "application/octet-stream"));
        HttpResponse<byte[]> beyond = first.get("/api/v1/files/recs/data.dat/records?from=6");

        assertThat(batch.get("total").asLong()).isEqualTo(5);
        assertThat(batch.get("from").asLong()).isEqualTo(1);
        assertThat(batch.get("records").valueStream().map(r -> new String(r.get("data").binaryValue())))
                .containsExactly("", "gamma-gamma", "d");
        assertThat(batch.get("records").get(1).get("offset").asLong()).isEqualTo(5);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(new String(raw.body())).isEqualTo("gamma-gammadepsilon!");
        assertThat(raw.headers().firstValue("Sector-Record-Count")).hasValue("3");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(first.json("/api/v1/files/recs/data.dat/meta").get("indexed").asBoolean()).isTrue();

        awaitLocatable("recs/data.dat");
        HttpResponse<byte[]> redirect = second.get("/api/v1/files/recs/data.dat/records?from=4&count=1");
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValue(first.url() + "/api/v1/files/recs/data.dat/records?from=4&count=1");
        JsonNode proxied = second.json("/api/v1/files/recs/data.dat/records?from=4&count=1&proxy=true");
        assertThat(new String(proxied.get("records").get(0).get("data").binaryValue())).isEqualTo("epsilon!");
    }

    @Test
    void recordIndexUploadedBeforeItsFileIsNeverLocatedAloneAndIsReadThroughTheFilesHolders() {
        byte[][] records = {bytes("early"), bytes("bird")};
        byte[] index = indexOf(records);
        assertThat(first.put("/api/v1/files/early/first.dat.idx", index).statusCode()).isEqualTo(201);
        // Published after the index: once it is located, the index had its chance to be published too.
        assertThat(first.put("/api/v1/files/early/marker", bytes("m")).statusCode()).isEqualTo(201);
        awaitLocatable("early/marker");

        HttpResponse<byte[]> alone = second.get("/api/v1/files/early/first.dat.idx");

        assertThat(alone.statusCode()).as("an index without its file is nowhere located").isEqualTo(404);
        assertThat(first.put("/api/v1/files/early/first.dat", concat(records)).statusCode()).isEqualTo(201);
        awaitLocatable("early/first.dat");
        HttpResponse<byte[]> redirect = second.get("/api/v1/files/early/first.dat.idx");
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValue(first.url() + "/api/v1/files/early/first.dat.idx");
        assertThat(second.get("/api/v1/files/early/first.dat.idx?proxy=true").body()).isEqualTo(index);
    }

    @Test
    void replicaRequestCopiesTheFileWithItsIndex() {
        byte[][] records = {bytes("one"), bytes("two"), bytes("three")};
        byte[] data = concat(records);
        assertThat(first.put("/api/v1/files/repl/copy.dat", data).statusCode()).isEqualTo(201);
        assertThat(first.put("/api/v1/files/repl/copy.dat.idx", indexOf(records)).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> accepted = second.post("/api/v1/replicas", replicationRequest("repl/copy.dat",
                first.url(), "sha256:" + sha256(data)));

        assertThat(accepted.statusCode()).as(new String(accepted.body())).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("state").asString()).isIn("QUEUED", "IN_PROGRESS");
        cluster.waitUntil("the copy is complete",
                () -> second.json("/api/v1/replicas").get("inProgress").isEmpty() && second.holds("repl/copy.dat"));
        assertThat(second.get("/api/v1/files/repl/copy.dat?scope=local").body()).isEqualTo(data);
        assertThat(second.get("/api/v1/files/repl/copy.dat.idx?scope=local").body()).isEqualTo(indexOf(records));
        assertThat(second.json("/api/v1/files/repl/copy.dat/records?from=2").get("records").get(0).get("data")
                .binaryValue()).isEqualTo(bytes("three"));
        assertThat(JSON.readTree(second.post("/api/v1/replicas", replicationRequest("repl/copy.dat", first.url(),
                "sha256:" + sha256(data))).body()).get("state").asString()).isEqualTo("PRESENT");
        cluster.waitUntil("both replicas are located", () -> first.json("/api/v1/files/repl/copy.dat/meta")
                .get("replicas").size() == 2);
        assertThat(second.staging()).isEmptyDirectory();
    }

    @Test
    void replicaWhoseBytesDoNotMatchTheChecksumNeverBecomesVisible() {
        byte[] data = randomBytes(100_000, 6);
        assertThat(first.put("/api/v1/files/repl/corrupt.dat", data).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> accepted = second.post("/api/v1/replicas", replicationRequest("repl/corrupt.dat",
                first.url(), "sha256:" + "0".repeat(64)));

        assertThat(accepted.statusCode()).isEqualTo(202);
        cluster.waitUntil("the copy has ended", () -> second.json("/api/v1/replicas").get("inProgress").isEmpty()
                && metric(second, "sector_storage_replications_total{outcome=\"mismatch\"", 1));
        assertThat(second.holds("repl/corrupt.dat")).isFalse();
        assertThat(second.dataDir().resolve("repl/corrupt.dat")).doesNotExist();
        assertThat(second.staging()).isEmptyDirectory();
    }

    @Test
    void deleteRemovesEveryCopyAndItsIndex() {
        byte[] data = randomBytes(1000, 5);
        assertThat(first.put("/api/v1/files/del/gone.dat", data).statusCode()).isEqualTo(201);
        assertThat(first.put("/api/v1/files/del/gone.dat.idx", new byte[8]).statusCode()).isEqualTo(201);
        assertThat(second.post("/api/v1/replicas", replicationRequest("del/gone.dat", first.url(),
                "sha256:" + sha256(data))).statusCode()).isEqualTo(202);
        cluster.waitUntil("the replica is located", () -> second.holds("del/gone.dat")
                && first.json("/api/v1/files/del/gone.dat/meta").get("replicas").size() == 2);

        HttpResponse<byte[]> deleted = first.delete("/api/v1/files/del/gone.dat");

        assertThat(deleted.statusCode()).as(new String(deleted.body())).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()).get("deleted").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(first.holder(), second.holder());
        for (Node node : new Node[] {first, second}) {
            assertThat(node.holds("del/gone.dat")).isFalse();
            assertThat(node.holds("del/gone.dat.idx")).isFalse();
            assertThat(node.dataDir().resolve("del")).doesNotExist();
        }
        cluster.waitUntil("no node locates it", () -> second.get("/api/v1/files/del/gone.dat").statusCode() == 404);
        assertThat(first.delete("/api/v1/files/del/gone.dat").statusCode()).isEqualTo(404);
    }

    @Test
    void namesAreUniqueInTheClusterAndAnOverwriteReplacesTheOtherCopies() {
        byte[] old = randomBytes(2000, 9);
        byte[] replacement = randomBytes(3000, 10);
        assertThat(first.put("/api/v1/files/unique/one.bin", old).statusCode()).isEqualTo(201);
        awaitLocatable("unique/one.bin");

        HttpResponse<byte[]> taken = second.put("/api/v1/files/unique/one.bin", replacement);
        HttpResponse<byte[]> replaced = second.put("/api/v1/files/unique/one.bin?overwrite=true", replacement);

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(replaced.statusCode()).isEqualTo(201);
        assertThat(first.holds("unique/one.bin")).isFalse();
        cluster.waitUntil("only the new copy is located", () -> first.json("/api/v1/files/unique/one.bin/meta")
                .get("replicas").valueStream().map(r -> r.get("holder").asString()).toList()
                .equals(java.util.List.of(second.holder())));
        assertThat(first.get("/api/v1/files/unique/one.bin?proxy=true").body()).isEqualTo(replacement);
    }

    @Test
    void listingsPageByNameHideIndexCompanionsAndSpanTheCluster() {
        for (String name : new String[] {"list/a", "list/b", "list/b.idx", "list/c"}) {
            assertThat(first.put("/api/v1/files/" + name, bytes(name)).statusCode()).isEqualTo(201);
        }
        assertThat(second.post("/api/v1/replicas", replicationRequest("list/a", first.url(),
                "sha256:" + sha256(bytes("list/a")))).statusCode()).isEqualTo(202);
        assertThat(second.put("/api/v1/files/list/d", bytes("list/d")).statusCode()).isEqualTo(201);
        cluster.waitUntil("the replica is there", () -> second.holds("list/a"));

        JsonNode page1 = first.json("/api/v1/files?prefix=list/&limit=2");
        JsonNode page2 = first.json("/api/v1/files?prefix=list/&limit=2&after=" + page1.get("next").asString());

        assertThat(page1.get("files").valueStream().map(f -> f.get("name").asString())).containsExactly("list/a", "list/b");
        assertThat(page1.get("files").get(1).get("indexed").asBoolean()).isTrue();
        assertThat(page2.get("files").valueStream().map(f -> f.get("name").asString())).containsExactly("list/c");
        assertThat(page2.get("next").isNull()).isTrue();

        cluster.waitUntil("both nodes are registered", () -> JSON.readTree(cluster.send(HttpRequest.newBuilder(
                URI.create(cluster.locatorUrl() + "/api/v1/nodes"))).body()).size() == 2);
        JsonNode all = second.json("/api/v1/files?prefix=list/&scope=cluster&limit=3");
        JsonNode rest = second.json("/api/v1/files?prefix=list/&scope=cluster&limit=3&after=" + all.get("next").asString());
        assertThat(all.get("files").valueStream().map(f -> f.get("name").asString()))
                .containsExactly("list/a", "list/b", "list/c");
        assertThat(rest.get("files").valueStream().map(f -> f.get("name").asString())).containsExactly("list/d");
        assertThat(rest.get("unreachable")).isEmpty();
    }

    @Test
    void probesAndMetricsAreExposed() {
        assertThat(first.put("/api/v1/files/metrics/counted.bin", new byte[4096]).statusCode()).isEqualTo(201);
        assertThat(first.get("/api/v1/files/metrics/counted.bin").body()).hasSize(4096);

        JsonNode readiness = first.json("/actuator/health/readiness");
        String metrics = new String(first.get("/actuator/prometheus").body());

        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("storage").get("details").get("writable").asBoolean()).isTrue();
        assertThat(first.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(metrics).contains("sector_storage_files ", "sector_storage_free_bytes ",
                "sector_storage_capacity_bytes ", "sector_storage_uploads_rejected_total{reason=\"capacity\"}");
        assertThat(metric(first, "sector_storage_written_bytes_total", 4096)).isTrue();
        assertThat(metric(first, "sector_storage_read_bytes_total", 4096)).isTrue();
    }

    @Test
    void fileThatNoNodeHoldsIsNotFoundEverywhere() {
        HttpResponse<byte[]> missing = second.get("/api/v1/files/nowhere/at-all.bin");
        HttpResponse<byte[]> localOnly = second.get("/api/v1/files/nowhere/at-all.bin?scope=local");
        HttpResponse<byte[]> meta = second.get("/api/v1/files/nowhere/at-all.bin/meta");

        for (HttpResponse<byte[]> response : java.util.List.of(missing, localOnly, meta)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    /** Whether the node's Prometheus output has the series starting with {@code series} at {@code value} or more. */
    static boolean metric(Node node, String series, double value) {
        String text = new String(node.get("/actuator/prometheus").body());
        return text.lines().filter(line -> line.startsWith(series))
                .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= value);
    }

    private static void awaitLocatable(String name) {
        cluster.waitUntil(name + " is located", () -> cluster.send(HttpRequest.newBuilder(
                URI.create(cluster.locatorUrl() + "/api/v1/locate/" + name))).statusCode() == 200);
    }

    static String replicationRequest(String name, String source, String checksum) {
        return "{\"name\":\"" + name + "\",\"source\":\"" + source + "\",\"checksum\":\"" + checksum + "\"}";
    }

    static byte[] indexOf(byte[][] records) {
        ByteBuffer index = ByteBuffer.allocate((records.length + 1) * Long.BYTES);
        long offset = 0;
        index.putLong(offset);
        for (byte[] record : records) {
            offset += record.length;
            index.putLong(offset);
        }
        return index.array();
    }

    static byte[] concat(byte[][] parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
        Arrays.stream(parts).forEach(all::put);
        return all.array();
    }

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
