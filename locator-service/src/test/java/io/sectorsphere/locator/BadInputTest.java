package io.sectorsphere.locator;

import static io.sectorsphere.locator.LocatorCluster.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.chord.NodeId;
import io.sectorsphere.locator.LocatorCluster.Node;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Hostile and malformed requests: each gets a 4xx with problem details, nothing is stored, the node serves on. */
class BadInputTest {

    private static final String CHECKSUM = "sha256:" + "ab".repeat(32);

    private static LocatorCluster cluster;
    private static Node node;

    @BeforeAll
    static void startNode() {
        cluster = new LocatorCluster();
        node = cluster.start(Map.of());
    }

    @AfterAll
    static void stopNode() {
        cluster.close();
    }

    @AfterEach
    void nodeStillServes() {
        String name = "still/serving.txt";
        HttpResponse<String> put = node.put("/api/v1/locations/" + name, validUpdate());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(node.get("/api/v1/locate/" + name).statusCode()).isEqualTo(200);
        assertThat(node.ring().get("stable").asBoolean()).isTrue();
    }

    @Test
    void malformedNodeIdsAreBadRequests() {
        assertProblem(node.get("/api/v1/ring/rpc/step/not-a-hex-id"), 400);
        assertProblem(node.get("/api/v1/ring/rpc/step/" + "0".repeat(31)), 400);
        assertProblem(node.get("/api/v1/ring/rpc/entries?from=" + "0".repeat(32) + "&to=" + "g".repeat(32)), 400);
        assertProblem(node.post("/api/v1/ring/rpc/notify", "{\"id\":\"xyz\",\"address\":\"127.0.0.1:9\"}"), 400);
    }

    @Test
    void gossipWithForgedOrTooManyMembersIsRefusedAndTheViewUnchanged() {
        String forged = "{\"id\":\"" + NodeId.ofAddress("127.0.0.1:1").toHex() + "\",\"address\":\"127.0.0.1:2\"}";
        String member = "{\"node\":{\"id\":\"" + NodeId.ofAddress("127.0.0.1:3").toHex()
                + "\",\"address\":\"127.0.0.1:3\"},\"incarnation\":1,\"alive\":true}";

        HttpResponse<String> forgedGossip = node.post("/api/v1/ring/rpc/gossip",
                "[{\"node\":" + forged + ",\"incarnation\":1,\"alive\":true}]");
        HttpResponse<String> tooMany = node.post("/api/v1/ring/rpc/gossip",
                "[" + String.join(",", Collections.nCopies(1025, member)) + "]");

        assertThat(JSON.readTree(assertProblem(forgedGossip, 400)).get("detail").asString())
                .contains("not the SHA-1 of its address");
        assertThat(JSON.readTree(assertProblem(tooMany, 400)).get("detail").asString()).contains("at most 1024");
        JsonNode members = JSON.readTree(node.get("/api/v1/ring/rpc/members").body());
        assertThat(members.valueStream().map(m -> m.get("node").get("address").asString()))
                .containsExactly(node.address());
    }

    @Test
    void joinWithAForgedIdIsRefusedAndLeavesTheRingUnchanged() {
        String forged = "{\"id\":\"" + NodeId.ofAddress("127.0.0.1:1").toHex() + "\",\"address\":\"127.0.0.1:2\"}";
        JsonNode before = node.ring();

        HttpResponse<String> notify = node.post("/api/v1/ring/rpc/notify", forged);
        HttpResponse<String> departed = node.post("/api/v1/ring/rpc/departed",
                "{\"leaver\":" + forged + ",\"predecessor\":null,\"successors\":[" + forged + "]}");

        assertProblem(notify, 400);
        assertThat(JSON.readTree(notify.body()).get("detail").asString()).contains("not the SHA-1 of its address");
        assertProblem(departed, 400);
        JsonNode after = node.ring();
        assertThat(after.get("predecessor")).isEqualTo(before.get("predecessor"));
        assertThat(after.get("successors")).isEqualTo(before.get("successors"));
        assertThat(after.get("predecessor").isNull()).isTrue();
    }

    @Test
    void storeOfAnInvalidEntryStoresNoneOfTheBatch() {
        String good = entry("peer/good.bin", "127.0.0.1:6200");
        String bad = entry("../escape", "127.0.0.1:6200");
        int storedBefore = node.ring().get("storedEntries").asInt();

        HttpResponse<String> store = node.post("/api/v1/ring/rpc/store?primary=true", "[" + good + "," + bad + "]");

        assertProblem(store, 400);
        assertThat(node.ring().get("storedEntries").asInt()).isEqualTo(storedBefore);
    }

    @Test
    void oversizedRecordIsRefusedAndNothingIsStored() {
        String oversized = validUpdate().replace(CHECKSUM, "sha256:" + "a".repeat(20_000));

        HttpResponse<String> declared = node.put("/api/v1/locations/big/declared", oversized);
        HttpResponse<String> chunked = node.send(HttpRequest.newBuilder(node.uri("/api/v1/locations/big/chunked"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(oversized.getBytes(StandardCharsets.UTF_8)))));

        assertProblem(declared, 413);
        assertProblem(chunked, 413);
        assertProblem(node.get("/api/v1/locate/big/declared"), 404);
        assertProblem(node.get("/api/v1/locate/big/chunked"), 404);
    }

    @Test
    void malformedBodiesAreBadRequestsWithTheReason() {
        HttpResponse<String> notJson = node.put("/api/v1/locations/body/a", "{not json");
        HttpResponse<String> missingField = node.put("/api/v1/locations/body/b", "{\"holder\":\"127.0.0.1:6200\"}");
        HttpResponse<String> ttlTooLong = node.put("/api/v1/locations/body/c",
                validUpdate().replace("\"ttlSeconds\":60", "\"ttlSeconds\":86400"));

        assertProblem(notJson, 400);
        assertThat(JSON.readTree(assertProblem(missingField, 400)).get("detail").asString()).contains("httpAddress");
        assertThat(JSON.readTree(assertProblem(ttlTooLong, 400)).get("detail").asString()).contains("ttlSeconds");
        for (String name : new String[] {"a", "b", "c"}) {
            assertProblem(node.get("/api/v1/locate/body/" + name), 404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../x", "a/%2E%2E/x", "..%2Fx", "a%00b", "a%0Ab", "/abs", "a//b", "a/", ""})
    void hostileNamesAreBadRequests(String name) {
        assertProblem(node.put("/api/v1/locations/" + name, validUpdate()), 400);
        assertProblem(node.get("/api/v1/locate/" + name), 400);
        assertProblem(node.delete("/api/v1/locations/" + name + "?holder=127.0.0.1:6200"), 400);
    }

    @Test
    void namesOver255BytesAreBadRequests() {
        String name = "a".repeat(300);

        assertProblem(node.put("/api/v1/locations/" + name, validUpdate()), 400);
        assertProblem(node.get("/api/v1/ring/rpc/fetch?name=" + name), 400);
        assertProblem(node.get("/api/v1/ring/rpc/read-step?name=" + name), 400);
    }

    @Test
    void nodeStatusesThatDoNotFitTheirPathOrLimitsAreBadRequests() {
        HttpResponse<String> otherAddress = node.put("/api/v1/nodes/127.0.0.8:6200", nodeStatus("127.0.0.9:6200", 60));
        HttpResponse<String> notHostPort = node.put("/api/v1/nodes/nonsense", nodeStatus("127.0.0.9:6200", 60));
        HttpResponse<String> ttlTooLong = node.put("/api/v1/nodes/127.0.0.9:6200", nodeStatus("127.0.0.9:6200", 86400));
        HttpResponse<String> negativeFree = node.put("/api/v1/nodes/127.0.0.9:6200",
                nodeStatus("127.0.0.9:6200", 60).replace("\"freeBytes\":1", "\"freeBytes\":-1"));

        assertThat(JSON.readTree(assertProblem(otherAddress, 400)).get("detail").asString()).contains("127.0.0.8:6200");
        assertProblem(notHostPort, 400);
        assertThat(JSON.readTree(assertProblem(ttlTooLong, 400)).get("detail").asString()).contains("ttlSeconds");
        assertProblem(negativeFree, 400);
        assertProblem(node.delete("/api/v1/nodes/nonsense"), 400);
        assertThat(node.get("/api/v1/nodes").body()).isEqualTo("[]");
    }

    @Test
    void unknownRoutesAreNotFoundWithProblemDetails() {
        assertProblem(node.get("/api/v1/nothing-here"), 404);
        assertProblem(node.get("/favicon.ico"), 404);
        assertProblem(node.post("/api/v1/ring", "{}"), 405);
    }

    private static String assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
        return response.body();
    }

    private static String validUpdate() {
        return ThreeNodeRingTest.update("127.0.0.1:6200", 42, Instant.parse("2026-11-22T03:00:00Z"), CHECKSUM);
    }

    private static String nodeStatus(String address, long ttlSeconds) {
        return "{\"address\":\"" + address + "\",\"httpAddress\":\"http://" + address + "\",\"udtAddress\":\""
                + address + "\",\"capacityBytes\":2,\"freeBytes\":1,\"files\":0,\"ttlSeconds\":" + ttlSeconds + "}";
    }

    private static String entry(String name, String source) {
        return "{\"name\":\"" + name + "\",\"source\":\"" + source + "\",\"value\":\"{}\","
                + "\"updatedAt\":\"2026-11-22T03:00:00Z\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
    }
}
