package io.sectorsphere.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.client.CannedServer.Request;
import io.sectorsphere.client.CannedServer.Response;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileMeta;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and downloads: digests, tokens, redirects, ranges, resumes and verification. */
class FileTransferTest {

    private static final Instant MTIME = Instant.parse("2026-11-22T03:00:00Z");
    private static final String FILES = "/api/v1/files/";

    @TempDir
    Path dir;

    private final CannedServer node = new CannedServer();
    private final CannedServer holder = new CannedServer();
    private final SectorClient client = new SectorClient(node.uri(), "s3cret");
    private final byte[] content = content(200_000);

    @AfterEach
    void close() {
        client.close();
        node.close();
        holder.close();
    }

    @Test
    void anUploadStreamsTheFileWithItsLengthDigestTokenAndOverwriteFlag() throws Exception {
        Path file = Files.write(dir.resolve("a.csv"), content);
        node.on("PUT", FILES + "data/a.csv", Response.json(201, "{\"name\":\"data/a.csv\",\"size\":" + content.length
                + ",\"mtime\":\"" + MTIME + "\",\"checksum\":\"" + Sha256.checksum(Sha256.of(file))
                + "\",\"indexed\":false,\"futureField\":1}"));
        List<long[]> progress = new ArrayList<>();

        FileEntry stored = client.put("data/a.csv", file, PutOptions.OVERWRITE,
                (done, total) -> progress.add(new long[] {done, total}));

        Request put = node.requests().getFirst();
        assertThat(put.body()).isEqualTo(content);
        assertThat(put.rawQuery()).isEqualTo("overwrite=true");
        assertThat(put.header("Content-Length")).isEqualTo(String.valueOf(content.length));
        assertThat(put.header("Content-Digest")).isEqualTo(
                "sha-256=:" + Base64.getEncoder().encodeToString(Sha256.of(file)) + ":");
        assertThat(put.header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(stored).isEqualTo(new FileEntry("data/a.csv", content.length, MTIME,
                Sha256.checksum(Sha256.of(file)), false));
        assertThat(progress.getLast()).containsExactly(content.length, content.length);
    }

    @Test
    void aReadIsRedirectedToAHolderThatServesTheRestOfAPartialDownload() throws Exception {
        Path target = dir.resolve("b.bin");
        int have = 70_000;
        Files.write(Download.partOf(target), Arrays.copyOf(content, have));
        serveMeta("b.bin", checksum(content));
        node.on("GET", FILES + "b.bin", Response.redirect(holder.uri() + FILES + "b.bin"));
        holder.on("GET", FILES + "b.bin", this::ranged);
        List<Long> done = new ArrayList<>();

        client.get("b.bin", target, true, (bytes, total) -> done.add(bytes));

        assertThat(holder.requests().getFirst().header("Range")).isEqualTo("bytes=" + have + "-");
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(Download.partOf(target)).doesNotExist();
        assertThat(done.getFirst()).isEqualTo(have);
        assertThat(done.getLast()).isEqualTo(content.length);
    }

    @Test
    void aRedirectToAHolderThatIsGoneFallsBackToTheRedirectingNodeAsProxy() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        Path target = dir.resolve("e.bin");
        serveMeta("e.bin", checksum(content));
        node.on("GET", FILES + "e.bin", request -> "proxy=true".equals(request.rawQuery()) ? ranged(request)
                : Response.redirect("http://127.0.0.1:" + deadPort + FILES + "e.bin"));

        client.get("e.bin", target, false, TransferListener.NONE);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(node.requests()).extracting(Request::rawQuery).contains("proxy=true");
    }

    @Test
    void aDownloadThatBreaksOffKeepsItsPartAndAResumeCompletesIt() throws Exception {
        Path target = dir.resolve("c.bin");
        serveMeta("c.bin", checksum(content));
        node.on("GET", FILES + "c.bin", request -> new Response(200, Map.of(), Arrays.copyOf(content, 50_000),
                content.length));

        assertThatThrownBy(() -> client.get("c.bin", target, false, TransferListener.NONE))
                .isInstanceOf(UnavailableException.class)
                .satisfies(e -> assertThat(((SectorException) e).exitCode()).isEqualTo(UnavailableException.EXIT_CODE));
        assertThat(target).doesNotExist();
        long kept = Files.size(Download.partOf(target));
        assertThat(kept).isPositive().isLessThan(content.length);

        node.on("GET", FILES + "c.bin", this::ranged);
        client.get("c.bin", target, true, TransferListener.NONE);

        assertThat(node.requests().getLast().header("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void aNodeThatIgnoresTheRangeSendsEverythingAndThePartIsRedone() throws Exception {
        Path target = dir.resolve("d.bin");
        Files.write(Download.partOf(target), "stale bytes of another version".getBytes(StandardCharsets.UTF_8));
        serveMeta("d.bin", checksum(content));
        node.on("GET", FILES + "d.bin", Response.of(200, "application/octet-stream", content));

        client.get("d.bin", target, true, TransferListener.NONE);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void aChecksumMismatchLeavesNeitherTargetNorPart() throws Exception {
        Path target = dir.resolve("e.bin");
        serveMeta("e.bin", "sha256:" + "00".repeat(32));
        node.on("GET", FILES + "e.bin", Response.of(200, "application/octet-stream", content));

        assertThatThrownBy(() -> client.get("e.bin", target, true, TransferListener.NONE))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo("sha256:" + "00".repeat(32));
                    assertThat(e.actual()).isEqualTo(checksum(content));
                    assertThat(e.exitCode()).isEqualTo(ChecksumMismatchException.EXIT_CODE);
                });
        assertThat(target).doesNotExist();
        assertThat(Download.partOf(target)).doesNotExist();
    }

    @Test
    void aStreamedDownloadIsVerifiedAtTheEnd() throws Exception {
        serveMeta("f.bin", checksum(content));
        node.on("GET", FILES + "f.bin", Response.of(200, "application/octet-stream", content));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        client.get("f.bin", out);

        assertThat(out.toByteArray()).isEqualTo(content);
        serveMeta("f.bin", "sha256:" + "ff".repeat(32));
        assertThatThrownBy(() -> client.get("f.bin", new ByteArrayOutputStream()))
                .isInstanceOf(ChecksumMismatchException.class);
    }

    /** Serves {@code content} honouring {@code Range: bytes=N-}, as a storage node does. */
    private Response ranged(Request request) {
        String range = request.header("Range");
        if (range == null) {
            return Response.of(200, "application/octet-stream", content);
        }
        int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        byte[] rest = Arrays.copyOfRange(content, from, content.length);
        return new Response(206, Map.of("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/"
                + content.length), rest, rest.length);
    }

    private void serveMeta(String name, String checksum) {
        node.on("GET", FILES + name + "/meta", Response.json(200, Json.MAPPER.writeValueAsString(
                new FileMeta(name, content.length, MTIME, checksum, true, List.of()))));
    }

    private static String checksum(byte[] bytes) {
        return Sha256.checksum(Sha256.newDigest().digest(bytes));
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }
}
