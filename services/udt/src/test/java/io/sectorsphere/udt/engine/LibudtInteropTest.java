package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.interop.LibudtPeer;
import io.sectorsphere.udt.interop.PeerProcess;
import io.sectorsphere.udt.interop.PeerResult;
import io.sectorsphere.udt.interop.UdtPeerCommand;
import io.sectorsphere.udt.interop.UdtPeerCommand.DataSource;
import io.sectorsphere.udt.interop.UdtPeerCommand.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our engine against the UDT 4.11 reference library, 256 MiB per case on loopback, the data
 * piped through the C++ peer's stdin/stdout and compared by SHA-256.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LibudtInteropTest {

    private static final long BYTES = 256L << 20;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final UdtSocketOptions OPTIONS = UdtSocketOptions.defaults();

    @BeforeAll
    static void requireLibudt() {
        Assumptions.assumeTrue(LibudtPeer.available(),
                "libudt peer cannot be built here: needs g++, /usr/include/udt/udt.h and libudt.so (apt-get install g++ libudt-dev)");
    }

    @Test
    void ourClientSendsToLibudtServer() throws Exception {
        try (UdtEndpoint endpoint = UdtEndpoint.open(new InetSocketAddress("127.0.0.1", 0), UdtEndpointConfig.defaults());
             PeerProcess peer = LibudtPeer.start(serverCommand(Direction.RECV))) {
            int port = peer.awaitListeningPort(Duration.ofSeconds(30));
            CompletableFuture<String> received = digestOf(peer.stdout());
            UdtSocket socket = endpoint.connect(new InetSocketAddress("127.0.0.1", port), OPTIONS);
            String sent = TransferRunner.send(socket, BYTES, 1);
            socket.close();
            assertThat(received.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(sent);
            assertThat(peer.awaitResult(DEADLINE).bytes()).isEqualTo(BYTES);
        }
    }

    @Test
    void ourClientReceivesFromLibudtServer() throws Exception {
        try (UdtEndpoint endpoint = UdtEndpoint.open(new InetSocketAddress("127.0.0.1", 0), UdtEndpointConfig.defaults());
             PeerProcess peer = LibudtPeer.start(serverCommand(Direction.SEND))) {
            int port = peer.awaitListeningPort(Duration.ofSeconds(30));
            UdtSocket socket = endpoint.connect(new InetSocketAddress("127.0.0.1", port), OPTIONS);
            CompletableFuture<String> sent = feed(peer.stdin(), 2);
            String received = TransferRunner.receive(socket, BYTES);
            assertThat(received).isEqualTo(sent.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            PeerResult result = peer.awaitResult(DEADLINE);
            assertThat(result.bytes()).isEqualTo(BYTES);
            socket.close();
        }
    }

    @Test
    void libudtClientSendsToOurServer() throws Exception {
        try (UdtEndpoint endpoint = UdtEndpoint.open(new InetSocketAddress("127.0.0.1", 0), UdtEndpointConfig.defaults())) {
            endpoint.listen(OPTIONS);
            try (PeerProcess peer = LibudtPeer.start(clientCommand(endpoint, Direction.SEND))) {
                UdtSocket socket = endpoint.accept(Duration.ofSeconds(30));
                assertThat(socket).as("accepted connection; peer said %s", peer.stderrLines()).isNotNull();
                CompletableFuture<String> sent = feed(peer.stdin(), 3);
                String received = TransferRunner.receive(socket, BYTES);
                assertThat(received).isEqualTo(sent.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
                assertThat(peer.awaitResult(DEADLINE).bytes()).isEqualTo(BYTES);
                socket.close();
            }
        }
    }

    @Test
    void libudtClientReceivesFromOurServer() throws Exception {
        try (UdtEndpoint endpoint = UdtEndpoint.open(new InetSocketAddress("127.0.0.1", 0), UdtEndpointConfig.defaults())) {
            endpoint.listen(OPTIONS);
            try (PeerProcess peer = LibudtPeer.start(clientCommand(endpoint, Direction.RECV))) {
                UdtSocket socket = endpoint.accept(Duration.ofSeconds(30));
                assertThat(socket).as("accepted connection; peer said %s", peer.stderrLines()).isNotNull();
                CompletableFuture<String> received = digestOf(peer.stdout());
                String sent = TransferRunner.send(socket, BYTES, 4);
                socket.close();
                assertThat(received.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(sent);
                assertThat(peer.awaitResult(DEADLINE).bytes()).isEqualTo(BYTES);
            }
        }
    }

    private static UdtPeerCommand serverCommand(Direction direction) {
        return UdtPeerCommand.server("127.0.0.1", 0, direction).withBytes(BYTES).withData(DataSource.STDIO);
    }

    private static UdtPeerCommand clientCommand(UdtEndpoint endpoint, Direction direction) {
        return UdtPeerCommand.client("127.0.0.1", endpoint.localAddress().getPort(), direction)
                .withBytes(BYTES).withData(DataSource.STDIO);
    }

    /** Writes the test data to the peer's stdin on another thread; completes with its SHA-256. */
    private static CompletableFuture<String> feed(OutputStream stdin, long seed) {
        return CompletableFuture.supplyAsync(() -> {
            MessageDigest digest = TransferRunner.sha256();
            SplittableRandom random = new SplittableRandom(seed);
            byte[] block = new byte[64 * 1024];
            try (stdin) {
                for (long left = BYTES; left > 0; left -= block.length) {
                    TransferRunner.fill(random, block, block.length);
                    digest.update(block);
                    stdin.write(block);
                }
            } catch (IOException e) {
                throw new IllegalStateException("feeding the peer failed", e);
            }
            return HexFormat.of().formatHex(digest.digest());
        });
    }

    /** The SHA-256 of everything the peer writes to stdout. */
    private static CompletableFuture<String> digestOf(InputStream stdout) {
        return CompletableFuture.supplyAsync(() -> {
            MessageDigest digest = TransferRunner.sha256();
            byte[] block = new byte[64 * 1024];
            try (stdout) {
                for (int n = stdout.read(block); n >= 0; n = stdout.read(block)) {
                    digest.update(block, 0, n);
                }
            } catch (IOException e) {
                throw new IllegalStateException("reading the peer failed", e);
            }
            return HexFormat.of().formatHex(digest.digest());
        });
    }
}
