package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.UdtStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineTransferTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @ParameterizedTest(name = "mss {0}")
    @ValueSource(ints = {1500, 9000})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dataArrivesIntactInBothDirections(int mss) throws Exception {
        UdtSocketOptions options = UdtSocketOptions.defaults().withMss(mss).withCongestionControl("native");
        long bytes = 32L << 20;
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults())) {
            server.listen(options);
            UdtSocket outgoing = client.connect(server.localAddress(), options);
            UdtSocket incoming = server.accept(Duration.ofSeconds(5));
            assertThat(incoming).isNotNull();

            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return TransferRunner.receive(incoming, bytes);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<String> echoedBack = CompletableFuture.supplyAsync(() -> {
                try {
                    return TransferRunner.receive(outgoing, bytes / 4);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String sent = TransferRunner.send(outgoing, bytes, 42);
            String sentBack = TransferRunner.send(incoming, bytes / 4, 7);

            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
            assertThat(echoedBack.get(30, TimeUnit.SECONDS)).isEqualTo(sentBack);
            UdtStats stats = outgoing.stats();
            assertThat(stats.bytesSent()).isEqualTo(bytes);
            assertThat(stats.acksReceived()).isPositive();
            assertThat(incoming.stats().bytesReceived()).isEqualTo(bytes);
            System.out.println("mss " + mss + ": " + stats);
            outgoing.close();
            incoming.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readerThatFallsBehindGetsEverythingOnceItReads() throws Exception {
        UdtSocketOptions options = UdtSocketOptions.defaults().withCongestionControl("native").withBuffers(64, 64, 64);
        long bytes = 4L << 20;
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults())) {
            server.listen(options);
            UdtSocket outgoing = client.connect(server.localAddress(), options);
            UdtSocket incoming = server.accept(Duration.ofSeconds(5));
            CompletableFuture<String> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return TransferRunner.send(outgoing, bytes, 21);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long full = 60L * options.payloadSize();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (incoming.stats().bytesReceived() < full) {
                assertThat(System.nanoTime()).as("receive buffer filled").isLessThan(deadline);
                Thread.sleep(5);
            }

            assertThat(TransferRunner.receive(incoming, bytes)).isEqualTo(sent.get(30, TimeUnit.SECONDS));
        }
    }
}
