package io.sectorsphere.udt.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sectorsphere.udt.interop.UdtPeerCommand.DataSource;
import io.sectorsphere.udt.interop.UdtPeerCommand.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LibudtPeerTest {

    private static final long SIZE = 64L << 20;
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void requireLibudt() {
        assumeTrue(LibudtPeer.available(), "g++ and libudt-dev are needed for the libudt peer");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void libudtClientDeliversSixtyFourMebibytesToLibudtServerIntactOverLoopback() throws Exception {
        UdtPeerCommand server = UdtPeerCommand.server("127.0.0.1", 0, Direction.RECV)
                .withBytes(SIZE).withData(DataSource.STDIO);
        try (PeerProcess receiver = LibudtPeer.start(server)) {
            int port = receiver.awaitListeningPort(Duration.ofSeconds(30));
            CompletableFuture<String> received = digestAsync(receiver.stdout());
            UdtPeerCommand client = UdtPeerCommand.client("127.0.0.1", port, Direction.SEND)
                    .withBytes(SIZE).withData(DataSource.STDIO);
            try (PeerProcess sender = LibudtPeer.start(client)) {
                String sent = writeRandom(sender.stdin(), SIZE);

                assertThat(sender.awaitResult(TRANSFER_TIMEOUT).bytes()).isEqualTo(SIZE);
                PeerResult receiverResult = receiver.awaitResult(TRANSFER_TIMEOUT);
                assertThat(receiverResult.bytes()).isEqualTo(SIZE);
                assertThat(receiverResult.mbps()).isPositive();
                assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
            }
        }
    }

    @Test
    void serverReportsTheEphemeralPortItBound() throws Exception {
        try (PeerProcess server = LibudtPeer.start(UdtPeerCommand.server("127.0.0.1", 0, Direction.RECV))) {
            assertThat(server.awaitListeningPort(Duration.ofSeconds(30))).isBetween(1, 65535);
        }
    }

    @Test
    void clientWithoutAServerEndsWithAnErrorLine() throws Exception {
        int port;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        UdtPeerCommand client = UdtPeerCommand.client("127.0.0.1", port, Direction.SEND).withBytes(1);
        try (PeerProcess sender = LibudtPeer.start(client)) {
            assertThatThrownBy(() -> sender.awaitResult(Duration.ofSeconds(30)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("connect");
        }
    }

    private static String writeRandom(OutputStream stdin, long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = stdin) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                digest.update(chunk);
                out.write(chunk);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static CompletableFuture<String> digestAsync(InputStream stdout) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stdout) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofVirtual().start(task));
    }
}
