package io.sectorsphere.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.client.RemoteFile;
import io.sectorsphere.transfer.client.TransferRefusedException;
import io.sectorsphere.transfer.multisource.DownloadFailedException;
import io.sectorsphere.transfer.multisource.DownloadReport;
import io.sectorsphere.transfer.multisource.DownloadRequest;
import io.sectorsphere.transfer.multisource.MultiSourceDownload;
import io.sectorsphere.transfer.multisource.Source;
import io.sectorsphere.transfer.multisource.SourceReport;
import io.sectorsphere.transfer.protocol.FrameCodec;
import io.sectorsphere.transfer.protocol.Request;
import io.sectorsphere.transfer.protocol.Response;
import io.sectorsphere.transfer.protocol.Status;
import io.sectorsphere.transfer.server.Digests;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.server.FileRequestHandler;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.ConnectionHandler;
import io.sectorsphere.transfer.transport.DataConnection;
import io.sectorsphere.transfer.transport.DataListener;
import io.sectorsphere.transfer.transport.DataTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane end to end over one transport: agents' request handlers on loopback listeners, the
 * client, the connection cache and multi-source downloads. Run once per transport by its subclasses.
 */
@Timeout(60)
public abstract class DataPlaneContract {

    private static final byte[] SECRET = "a cluster secret of 32 bytes....".getBytes();
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final MultiSourceDownload.Settings SMALL_RANGES =
            new MultiSourceDownload.Settings(Duration.ofMillis(100), 256 << 10, 64 << 10, 1 << 20);

    @TempDir
    Path temp;

    private final TicketSigner signer = new TicketSigner(SECRET, Clock.systemUTC());
    private final List<DataListener> listeners = new ArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private DataTransport transport;
    private ConnectionCache cache;
    private DataClient client;

    /** A new transport whose listeners bind to 127.0.0.1. */
    protected abstract DataTransport newTransport() throws IOException;

    @BeforeEach
    void start() throws IOException {
        transport = newTransport();
        cache = new ConnectionCache(4, 32, Duration.ofMinutes(1), Clock.systemUTC());
        client = new DataClient(cache);
    }

    @AfterEach
    void stop() {
        cache.close();
        listeners.forEach(DataListener::close);
        transport.close();
    }

    @Test
    void aRangeOfAFileIsReadWithAReadTicket() throws Exception {
        Node node = node("a");
        byte[] content = node.store("dir/data.bin", 300_000);
        Path copy = temp.resolve("copy");

        try (FileChannel target = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            client.read(transport, node.address(), read("dir/data.bin"), "dir/data.bin", 1000, 200_000,
                    target, 0, ByteRateLimiter.unlimited(), bytes -> { });
        }

        assertThat(Files.readAllBytes(copy)).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 201_000));
    }

    @Test
    void aRangeCanBeReadAsAStreamAndItsConnectionIsReusedAfterTheLastByte() throws Exception {
        Node node = node("a");
        byte[] content = node.store("f", 200_000);

        byte[] read;
        try (java.io.InputStream in = client.openRange(transport, node.address(), read("f"), "f", 10, 150_000)) {
            read = in.readAllBytes();
        }
        client.stat(transport, node.address(), read("f"), "f");

        assertThat(read).isEqualTo(java.util.Arrays.copyOfRange(content, 10, 150_010));
        assertThat(accepted).hasValue(1);
    }

    @Test
    void aProbeIsDroppedByTheAgentAndTellsWhatTheTransportMeasured() throws Exception {
        Node node = node("a");

        java.util.Optional<io.sectorsphere.transfer.transport.PathQuality> measured =
                client.probe(transport, node.address(), 1 << 20);

        assertThat(measured.isPresent()).as("only UDT measures the path").isEqualTo(DataTransport.UDT.equals(transport.name()));
        assertThat(node.staged()).as("nothing of a probe is kept").isEmpty();
        assertThatThrownBy(() -> client.probe(transport, node.address(), Request.MAX_PROBE_BYTES + 1))
                .isInstanceOfSatisfying(TransferRefusedException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.BAD_REQUEST));
    }

    @Test
    void statGivesTheSizeAndSha256() throws Exception {
        Node node = node("a");
        byte[] content = node.store("f", 12345);

        RemoteFile file = client.stat(transport, node.address(), read("f"), "f");

        assertThat(file).isEqualTo(new RemoteFile(12345, sha256(content)));
    }

    @Test
    void aPushedFileAppearsOnlyWhenCompleteAndVerified() throws Exception {
        Node node = node("a");
        Path local = temp.resolve("local");
        byte[] content = random(500_000, 3);
        Files.write(local, content);

        push(node, "in/pushed.bin", local, HexFormat.of().parseHex(sha256(content)), write("in/pushed.bin", 500_000));

        assertThat(Files.readAllBytes(node.area().root().resolve("in/pushed.bin"))).isEqualTo(content);
        assertThat(node.staged()).isEmpty();
    }

    @Test
    void aPushWithTheWrongDigestStoresNothing() throws Exception {
        Node node = node("a");
        Path local = temp.resolve("local");
        Files.write(local, random(100_000, 4));

        assertThatThrownBy(() -> push(node, "bad.bin", local, new byte[32], write("bad.bin", 100_000)))
                .isInstanceOfSatisfying(TransferRefusedException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.DIGEST_MISMATCH));

        assertThat(node.area().root().resolve("bad.bin")).doesNotExist();
        assertThat(node.staged()).isEmpty();
    }

    @Test
    void forgedExpiredAndMisusedTicketsAreRefusedAndNothingIsWritten() throws Exception {
        Node node = node("a");
        node.store("f", 1000);
        Path local = temp.resolve("local");
        byte[] content = random(1000, 5);
        Files.write(local, content);
        byte[] digest = HexFormat.of().parseHex(sha256(content));
        TicketSigner stranger = new TicketSigner("not the cluster secret, 32 bytes".getBytes(), Clock.systemUTC());
        TicketSigner past = new TicketSigner(SECRET, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));

        assertDenied(() -> push(node, "g", local, digest, stranger.sign(TicketOperation.WRITE, "g", 0, 1000, TTL)));
        assertDenied(() -> push(node, "g", local, digest, past.sign(TicketOperation.WRITE, "g", 0, 1000, TTL)));
        assertDenied(() -> push(node, "g", local, digest, read("g")));
        assertDenied(() -> push(node, "g", local, digest, write("other", 1000)));
        assertDenied(() -> client.stat(transport, node.address(), write("f", 1000), "f"));
        assertDenied(() -> client.read(transport, node.address(),
                signer.sign(TicketOperation.READ, "f", 0, 10, TTL), "f", 0, 11, null, 0,
                ByteRateLimiter.unlimited(), bytes -> { }));

        assertThat(node.area().root().resolve("g")).doesNotExist();
        assertThat(node.staged()).isEmpty();
    }

    @Test
    void oneConnectionServesRequestAfterRequest() throws Exception {
        Node node = node("a");
        node.store("f", 1000);

        for (int i = 0; i < 5; i++) {
            client.stat(transport, node.address(), read("f"), "f");
        }
        assertDenied(() -> client.stat(transport, node.address(), read("missing"), "f"));
        assertThatThrownBy(() -> client.stat(transport, node.address(), read("missing"), "missing"))
                .isInstanceOfSatisfying(TransferRefusedException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND));
        client.stat(transport, node.address(), read("f"), "f");

        assertThat(accepted).hasValue(1);
        assertThat(cache.idleCount()).isEqualTo(1);
    }

    @Test
    void aMalformedFrameIsAnsweredAndTheConnectionEnded() throws Exception {
        Node node = node("a");
        try (DataConnection connection = transport.connect(node.address())) {
            connection.output().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            connection.output().flush();

            Response response = FrameCodec.readResponse(connection.input());

            assertThat(response.status()).isEqualTo(Status.BAD_REQUEST);
            assertThat(connection.input().read()).isEqualTo(-1);
        }
        node.store("f", 10);
        assertThat(client.stat(transport, node.address(), read("f"), "f").size()).isEqualTo(10);
    }

    @Test
    void aFileIsDownloadedFromSeveralSourcesAtOnceAndVerified() throws Exception {
        List<Node> nodes = List.of(node("a"), node("b"), node("c"));
        byte[] content = random(6 << 20, 7);
        for (Node node : nodes) {
            node.storeBytes("big.bin", content);
        }
        AtomicLong progressed = new AtomicLong();

        DownloadReport report = download("big.bin", content.length, sha256(content), nodes, progressed);

        assertThat(Files.readAllBytes(report.file())).isEqualTo(content);
        assertThat(progressed).hasValue(content.length);
        assertThat(report.sources()).allSatisfy(source -> {
            assertThat(source.failure()).isNull();
            assertThat(source.bytes()).isPositive();
        });
        assertThat(report.sources().stream().mapToLong(SourceReport::bytes).sum()).isEqualTo(content.length);
    }

    @Test
    void aSlowSourceIsGivenLessOfTheFile() throws Exception {
        Node fast = node("fast");
        Node slow = node("slow", handler -> connection -> handler.serve(new Throttled(connection, 256 << 10)));
        byte[] content = random(8 << 20, 8);
        fast.storeBytes("f", content);
        slow.storeBytes("f", content);

        DownloadReport report = download("f", content.length, sha256(content), List.of(fast, slow), new AtomicLong());

        assertThat(report.sources().get(0).bytes()).isGreaterThan(2 * report.sources().get(1).bytes());
    }

    @Test
    void theRestOfABrokenSourcesRangeIsFetchedFromTheOthers() throws Exception {
        Node good = node("good");
        byte[] content = random(4 << 20, 9);
        Node broken = node("broken", handler -> new BrokenSource(content)::serve);
        good.storeBytes("f", content);

        DownloadReport report = download("f", content.length, sha256(content), List.of(broken, good), new AtomicLong());

        assertThat(Files.readAllBytes(report.file())).isEqualTo(content);
        assertThat(report.sources().get(0).failure()).isNotNull();
        assertThat(report.sources().get(1).failure()).isNull();
    }

    @Test
    void whenEverySourceFailsTheDownloadFailsAndLeavesNoFile() throws Exception {
        byte[] content = random(1 << 20, 10);
        Node broken = node("broken", handler -> new BrokenSource(content)::serve);

        assertThatThrownBy(() -> download("f", content.length, sha256(content), List.of(broken), new AtomicLong()))
                .isInstanceOf(DownloadFailedException.class).hasMessageContaining("every source");

        assertThat(temp.resolve("downloaded")).doesNotExist();
        try (var staged = Files.list(temp.resolve("staging"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void aDownloadWhoseBytesDoNotMatchTheDigestLeavesNoFile() throws Exception {
        Node node = node("a");
        byte[] content = node.store("f", 100_000);

        assertThatThrownBy(() -> download("f", content.length, "0".repeat(64), List.of(node), new AtomicLong()))
                .isInstanceOf(DownloadFailedException.class).hasMessageContaining("SHA-256");

        assertThat(temp.resolve("downloaded")).doesNotExist();
    }

    @Test
    void anInterruptedDownloadKeepsItsWholePrefixAndTheNextOneFetchesOnlyTheRest() throws Exception {
        byte[] content = random(2 << 20, 12);
        Node broken = node("broken", handler -> new BrokenSource(content)::serve);
        Node good = node("good");
        good.storeBytes("f", content);
        Path partial = temp.resolve("downloaded.part");

        assertThatThrownBy(() -> download("f", content.length, sha256(content), List.of(broken), new AtomicLong(), partial))
                .isInstanceOf(DownloadFailedException.class);
        byte[] kept = Files.readAllBytes(partial);
        assertThat(kept.length).isPositive().isLessThan(content.length);
        assertThat(kept).isEqualTo(Arrays.copyOf(content, kept.length));

        AtomicLong progressed = new AtomicLong();
        DownloadReport report = download("f", content.length, sha256(content), List.of(good), progressed, partial);

        assertThat(Files.readAllBytes(report.file())).isEqualTo(content);
        assertThat(report.resumedBytes()).isEqualTo(kept.length);
        assertThat(report.sources().getFirst().bytes()).isEqualTo(content.length - kept.length);
        assertThat(progressed).hasValue(content.length);
        assertThat(partial).doesNotExist();
    }

    @Test
    void aKeptPrefixThatDoesNotMatchIsDroppedSoTheNextAttemptStartsOver() throws Exception {
        byte[] content = random(1 << 20, 13);
        Node good = node("good");
        good.storeBytes("f", content);
        Path partial = Files.write(temp.resolve("downloaded.part"), new byte[1000]);

        assertThatThrownBy(() -> download("f", content.length, sha256(content), List.of(good), new AtomicLong(), partial))
                .isInstanceOf(DownloadFailedException.class).hasMessageContaining("SHA-256");

        assertThat(partial).doesNotExist();
        assertThat(temp.resolve("downloaded")).doesNotExist();
        DownloadReport again = download("f", content.length, sha256(content), List.of(good), new AtomicLong(), partial);
        assertThat(Files.readAllBytes(again.file())).isEqualTo(content);
    }

    private DownloadReport download(String name, long size, String sha256, List<Node> sources, AtomicLong progress)
            throws IOException {
        return download(name, size, sha256, sources, progress, null);
    }

    private DownloadReport download(String name, long size, String sha256, List<Node> sources, AtomicLong progress,
                                    Path partial) throws IOException {
        Path staging = Files.createDirectories(temp.resolve("staging"));
        Path target = temp.resolve("downloaded");
        List<Source> from = sources.stream().map(node -> new Source(node.label(), transport, node.address())).toList();
        DownloadRequest request = new DownloadRequest(name, read(name), size, sha256, from, staging,
                verified -> Files.move(verified, target), ByteRateLimiter.unlimited(), progress::addAndGet, partial);
        return new MultiSourceDownload(client, SMALL_RANGES).download(request);
    }

    private void push(Node node, String name, Path local, byte[] digest, String ticket) throws IOException {
        try (FileChannel source = FileChannel.open(local, StandardOpenOption.READ)) {
            client.push(transport, node.address(), ticket, name, source, source.size(), digest,
                    ByteRateLimiter.unlimited(), bytes -> { });
        }
    }

    private String read(String name) {
        return signer.sign(TicketOperation.READ, name, 0, Long.MAX_VALUE / 2, TTL);
    }

    private String write(String name, long size) {
        return signer.sign(TicketOperation.WRITE, name, 0, size, TTL);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertDenied(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TransferRefusedException.class,
                e -> assertThat(e.status()).isEqualTo(Status.DENIED));
    }

    private Node node(String label) throws IOException {
        return node(label, handler -> handler);
    }

    private Node node(String label, java.util.function.UnaryOperator<ConnectionHandler> wrap) throws IOException {
        FileArea area = new FileArea(temp.resolve(label));
        ConnectionHandler handler = wrap.apply(new FileRequestHandler(area, signer, new SimpleMeterRegistry()));
        DataListener listener = transport.listen(new java.net.InetSocketAddress("127.0.0.1", 0), connection -> {
            accepted.incrementAndGet();
            handler.serve(connection);
        });
        listeners.add(listener);
        return new Node(label, area, listener.localAddress());
    }

    private record Node(String label, FileArea area, java.net.InetSocketAddress address) {

        byte[] store(String name, int size) throws IOException {
            byte[] content = random(size, name.hashCode());
            storeBytes(name, content);
            return content;
        }

        void storeBytes(String name, byte[] content) throws IOException {
            Path path = area.pathOf(name);
            Files.createDirectories(path.getParent());
            Files.write(path, content);
        }

        List<Path> staged() throws IOException {
            try (var files = Files.list(area.staging())) {
                return files.toList();
            }
        }
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(Digests.sha256().digest(content));
    }

    /** Answers a GET with the promised length, sends the first half of it and hangs up, as a node that dies. */
    private record BrokenSource(byte[] content) {

        void serve(DataConnection connection) {
            try {
                Request request = FrameCodec.readRequest(connection.input());
                if (request == null) {
                    return;
                }
                FrameCodec.writeResponse(connection.output(), Response.ok(request.length()));
                connection.output().write(content, (int) request.offset(), (int) (request.length() / 2));
                connection.output().flush();
            } catch (IOException e) {
                // the client went first; fine either way
            }
        }
    }

    /** A connection whose sending side is capped, for a slow source. */
    private static final class Throttled implements DataConnection {

        private final DataConnection connection;
        private final OutputStream output;

        Throttled(DataConnection connection, long bytesPerSecond) {
            this.connection = connection;
            ByteRateLimiter limiter = ByteRateLimiter.of(bytesPerSecond);
            OutputStream out = connection.output();
            this.output = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        limiter.acquire(len);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException();
                    }
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public java.io.InputStream input() {
            return connection.input();
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public java.net.InetSocketAddress remoteAddress() {
            return connection.remoteAddress();
        }

        @Override
        public String transport() {
            return connection.transport();
        }

        @Override
        public boolean isOpen() {
            return connection.isOpen();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
