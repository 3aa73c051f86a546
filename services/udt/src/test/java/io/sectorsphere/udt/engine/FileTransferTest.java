package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileTransferTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final UdtSocketOptions OPTIONS = UdtSocketOptions.defaults().withCongestionControl("native");

    @TempDir
    Path directory;

    @Test
    void fileRegionArrivesAtTheRequestedPosition() throws Exception {
        Path source = directory.resolve("source.bin");
        byte[] content = new byte[9 << 20];
        new SplittableRandom(3).nextBytes(content);
        Files.write(source, content);
        Path target = directory.resolve("target.bin");
        long offset = 12_345;
        long count = content.length - 2 * offset;

        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            server.listen(OPTIONS);
            UdtSocket sender = client.connect(server.localAddress(), OPTIONS);
            UdtSocket receiver = server.accept(Duration.ofSeconds(5));
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> receive(receiver, out, 100, count));

            assertThat(sender.sendFile(in, offset, count)).isEqualTo(count);
            assertThat(written.get(30, TimeUnit.SECONDS)).isEqualTo(count);
        }
        byte[] result = Files.readAllBytes(target);
        assertThat(result).hasSize((int) (100 + count));
        assertThat(ByteBuffer.wrap(result, 100, (int) count))
                .isEqualTo(ByteBuffer.wrap(content, (int) offset, (int) count));
    }

    @Test
    void receiveFileFailsWhenThePeerEndsEarly() throws Exception {
        Path target = directory.resolve("partial.bin");
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            server.listen(OPTIONS);
            UdtSocket sender = client.connect(server.localAddress(), OPTIONS);
            UdtSocket receiver = server.accept(Duration.ofSeconds(5));
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> receive(receiver, out, 0, 1 << 20));

            sender.outputStream().write(new byte[1000]);
            sender.close();

            assertThatThrownBy(() -> written.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(UdtException.class)
                    .hasStackTraceContaining("after 1000 of 1048576 bytes");
        }
    }

    private static long receive(UdtSocket socket, FileChannel file, long position, long count) {
        try {
            return socket.receiveFile(file, position, count);
        } catch (java.io.IOException e) {
            throw new CompletionException(e);
        }
    }
}
