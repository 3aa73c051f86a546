package io.sectorsphere.transfer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sectorsphere.transfer.agent.Agents.Agent;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.client.TransferRefusedException;
import io.sectorsphere.transfer.protocol.Status;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.TcpTransport;
import io.sectorsphere.transfer.transport.UdtAvailability;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Agents on loopback copying file groups between them, refusing bad tickets, surviving dead sources. */
@Timeout(120)
class TransferAgentTest {

    @TempDir
    static Path root;

    private static Agent a;
    private static Agent b;

    @BeforeAll
    static void startAgents() {
        a = Agents.start(root, "a");
        b = Agents.start(root, "b");
    }

    @AfterAll
    static void stopAgents() {
        b.close();
        a.close();
    }

    @Test
    void aGroupOfFilesIsCopiedBothWaysAndVerifiedOverTcp() throws IOException {
        copyBothWays("tcp");
    }

    @Test
    void aGroupOfFilesIsCopiedBothWaysAndVerifiedOverUdt() throws IOException {
        assumeTrue(UdtAvailability.probe("127.0.0.1"), "the UDT engine is not available in this build");
        copyBothWays("udt");
    }

    private void copyBothWays(String transport) throws IOException {
        Map<String, byte[]> pulled = group(a, transport + "/pull/", 3);
        Map<String, byte[]> pushed = group(b, transport + "/push/", 2);

        JsonNode pull = b.transfer(job(pulled.keySet(), List.of(a.data()), null, transport));
        JsonNode push = b.transfer(job(pushed.keySet(), List.of(b.data()), a.data(), transport));

        assertSucceeded(pull, pulled);
        assertSucceeded(push, pushed);
        assertThat(pull.get("files").get(0).get("transports").get(0).asString()).isEqualTo(transport);
        for (Map.Entry<String, byte[]> file : pulled.entrySet()) {
            assertThat(Files.readAllBytes(b.file(file.getKey()))).isEqualTo(file.getValue());
        }
        for (Map.Entry<String, byte[]> file : pushed.entrySet()) {
            assertThat(Files.readAllBytes(a.file(file.getKey()))).isEqualTo(file.getValue());
        }
        assertThat(pull.get("rttMillis").asDouble()).isPositive();
        assertThat(b.get("/actuator/prometheus").body()).contains("sector_transfer_jobs_total{outcome=\"succeeded\"}");
        assertThat(a.get("/actuator/prometheus").body())
                .contains("sector_transfer_bytes_total{direction=\"sent\",transport=\"" + transport + "\"}")
                .contains("sector_transfer_bytes_total{direction=\"received\",transport=\"" + transport + "\"}");
    }

    @Test
    void copyingAFileAlreadyAtTheTargetMovesNothing() throws IOException {
        Map<String, byte[]> files = group(a, "twice/", 1);
        assertSucceeded(b.transfer(job(files.keySet(), List.of(a.data()), null, "tcp")), files);

        JsonNode again = b.transfer(job(files.keySet(), List.of(a.data()), null, "tcp"));

        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("files").get(0).get("state").asString()).isEqualTo("PRESENT");
        assertThat(again.get("bytesDone").asLong()).isZero();
    }

    @Test
    void whenASourceDiesMidTransferTheOthersFinishTheFile() throws IOException {
        byte[] content = random(16 << 20, 11);
        a.store("multi/big.bin", content);
        try (Agent dying = Agents.start(root, "dying")) {
            dying.store("multi/big.bin", content);
            HttpResponse<String> accepted = b.post("/api/v1/transfers",
                    withRateLimit(job(List.of("multi/big.bin"), List.of(dying.data(), a.data()), null, "tcp"), 6 << 20));
            String id = Agents.JSON.readTree(accepted.body()).get("id").asString();
            Agents.await(() -> progress(id) > (2 << 20) ? true : null, "the transfer to be under way");

            dying.close();
            JsonNode done = b.awaitEnd(id);

            assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("files").get(0).get("transports")).hasSize(2);
            assertThat(Files.readAllBytes(b.file("multi/big.bin"))).isEqualTo(content);
        }
    }

    @Test
    void whenTheOnlySourceDiesTheJobFailsAndLeavesNoPartialFile() throws IOException {
        // Large against the rate limit: what sits in socket buffers when the source dies cannot finish it.
        byte[] content = random(48 << 20, 12);
        try (Agent dying = Agents.start(root, "lonely")) {
            dying.store("lonely/big.bin", content);
            HttpResponse<String> accepted = b.post("/api/v1/transfers",
                    withRateLimit(job(List.of("lonely/big.bin"), List.of(dying.data()), null, "tcp"), 4 << 20));
            String id = Agents.JSON.readTree(accepted.body()).get("id").asString();
            Agents.await(() -> progress(id) > (1 << 20) ? true : null, "the transfer to be under way");

            dying.close();
            JsonNode failed = b.awaitEnd(id);

            assertThat(failed.get("state").asString()).isEqualTo("FAILED");
            assertThat(failed.get("files").get(0).get("error").asString()).contains("every source");
            assertThat(b.file("lonely/big.bin")).doesNotExist();
            try (Stream<Path> staged = Files.list(b.dataDir().resolve(".sector-transfer-staging"))) {
                assertThat(staged).isEmpty();
            }
        }
    }

    @Test
    void aPushWithAForgedOrExpiredTicketIsRefusedAndNothingIsWritten() throws IOException {
        Path local = root.resolve("forged.bin");
        byte[] content = random(100_000, 13);
        Files.write(local, content);
        byte[] digest = sha256(content);
        TicketSigner forger = new TicketSigner("somebody else's secret, 32 bytes".getBytes(), Clock.systemUTC());
        TicketSigner late = new TicketSigner(Agents.SECRET.getBytes(),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));

        for (TicketSigner signer : List.of(forger, late)) {
            String ticket = signer.sign(TicketOperation.WRITE, "forged.bin", 0, content.length, Duration.ofMinutes(1));
            assertThatThrownBy(() -> push(a, local, ticket, digest))
                    .isInstanceOfSatisfying(TransferRefusedException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.DENIED));
        }

        assertThat(a.file("forged.bin")).doesNotExist();
        assertThat(a.get("/actuator/prometheus").body()).contains("sector_transfer_tickets_rejected_total{reason=\"forged\"}")
                .contains("sector_transfer_tickets_rejected_total{reason=\"expired\"}");
    }

    @Test
    void errorsAreProblemDetails() {
        HttpResponse<String> unknown = b.get("/api/v1/transfers/no-such-job");
        HttpResponse<String> empty = b.post("/api/v1/transfers", Map.of("sources", List.of(a.data())));
        HttpResponse<String> badSource = b.post("/api/v1/transfers",
                Map.of("files", List.of(Map.of("name", "x")), "sources", List.of("no port")));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("1 to");
        assertThat(badSource.statusCode()).isEqualTo(400);
        assertThat(badSource.body()).contains("source");
    }

    @Test
    void jobsAreListedNewestFirst() {
        Map<String, byte[]> files = group(a, "listed/", 1);
        JsonNode job = b.transfer(job(files.keySet(), List.of(a.data()), null, "tcp"));

        JsonNode listed = Agents.JSON.readTree(b.get("/api/v1/transfers").body());

        assertThat(listed.get(0).get("id").asString()).isEqualTo(job.get("id").asString());
    }

    private long progress(String id) {
        return Agents.JSON.readTree(b.get("/api/v1/transfers/" + id).body()).get("bytesDone").asLong();
    }

    private static void push(Agent agent, Path local, String ticket, byte[] digest) throws IOException {
        String[] hostPort = agent.data().split(":");
        try (ConnectionCache cache = new ConnectionCache(1, 1, Duration.ofMinutes(1), Clock.systemUTC());
             FileChannel channel = FileChannel.open(local, StandardOpenOption.READ)) {
            new DataClient(cache).push(new TcpTransport(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                    new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), ticket, "forged.bin", channel,
                    channel.size(), digest, ByteRateLimiter.unlimited(), bytes -> { });
        }
    }

    private static void assertSucceeded(JsonNode job, Map<String, byte[]> files) {
        long total = files.values().stream().mapToLong(content -> content.length).sum();
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("bytesDone").asLong()).isEqualTo(total);
        assertThat(job.get("bytesTotal").asLong()).isEqualTo(total);
        for (JsonNode file : job.get("files")) {
            assertThat(file.get("state").asString()).isEqualTo("DONE");
        }
    }

    private static Map<String, byte[]> group(Agent holder, String prefix, int count) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random random = new Random(prefix.hashCode());
        for (int i = 0; i < count; i++) {
            byte[] content = random(random.nextInt(1, 3 << 20), random.nextLong());
            String name = prefix + "file-" + i + ".bin";
            try {
                holder.store(name, content);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            files.put(name, content);
        }
        return files;
    }

    private static Map<String, Object> job(java.util.Collection<String> names, List<String> sources, String target,
                                           String transport) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("files", names.stream().map(name -> Map.of("name", name)).toList());
        job.put("sources", sources);
        if (target != null) {
            job.put("target", target);
        }
        job.put("transport", transport);
        return job;
    }

    private static Map<String, Object> withRateLimit(Map<String, Object> job, long bytesPerSecond) {
        job.put("rateLimit", bytesPerSecond);
        return job;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
