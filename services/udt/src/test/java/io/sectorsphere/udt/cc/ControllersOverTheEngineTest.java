package io.sectorsphere.udt.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our controllers driving the real engine on loopback: data flows and arrives intact. */
class ControllersOverTheEngineTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final int BYTES = 16 << 20;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fair", "dedicated"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTransferCompletesIntact(String controller) throws Exception {
        UdtSocketOptions options = UdtSocketOptions.defaults().withCongestionControl(controller);
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults())) {
            server.listen(options);
            UdtSocket outgoing = client.connect(server.localAddress(), options);
            UdtSocket incoming = server.accept(Duration.ofSeconds(5));
            assertThat(incoming).isNotNull();
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> checksumOfReceived(incoming));

            long started = System.nanoTime();
            long sent = sendPattern(outgoing);

            assertThat(received.get(50, TimeUnit.SECONDS)).isEqualTo(sent);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s on loopback: %.0f Mb/s, %s%n", controller, BYTES * 8 / seconds / 1e6, outgoing.stats());
            outgoing.close();
            incoming.close();
        }
    }

    private static long sendPattern(UdtSocket socket) throws IOException {
        CRC32 crc = new CRC32();
        byte[] block = new byte[64 * 1024];
        OutputStream out = socket.outputStream();
        for (int offset = 0; offset < BYTES; offset += block.length) {
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) ((offset + i) * 31 >>> 3);
            }
            crc.update(block);
            out.write(block);
        }
        out.flush();
        return crc.getValue();
    }

    private static long checksumOfReceived(UdtSocket socket) {
        CRC32 crc = new CRC32();
        byte[] block = new byte[64 * 1024];
        try {
            InputStream in = socket.inputStream();
            for (long left = BYTES; left > 0; ) {
                int n = in.read(block, 0, (int) Math.min(block.length, left));
                if (n < 0) {
                    throw new IOException("stream ended with " + left + " bytes missing");
                }
                crc.update(block, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return crc.getValue();
    }
}
