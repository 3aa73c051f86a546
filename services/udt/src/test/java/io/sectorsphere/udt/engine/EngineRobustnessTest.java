package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.DatagramPacket;
import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.UdtStats;
import io.sectorsphere.udt.packet.AckPacket;
import io.sectorsphere.udt.packet.DataPacket;
import io.sectorsphere.udt.packet.HandshakePacket;
import io.sectorsphere.udt.packet.NakPacket;
import io.sectorsphere.udt.packet.UdtPacket;
import io.sectorsphere.udt.packet.UdtPacketEncoder;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineRobustnessTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final UdtSocketOptions OPTIONS = UdtSocketOptions.defaults().withCongestionControl("native");
    /** Short EXP timers so a silent peer is given up in about a second instead of 4.11's ~40 s. */
    private static final EngineSettings FAST_BREAK = EngineSettings.defaults().withBreakTimers(20_000, 4, 100_000);

    @Test
    void transferSurvivesOnePercentLoss() throws Exception {
        LossInjectingHandler loss = new LossInjectingHandler(0.01, 11);
        long bytes = 16L << 20;
        try (NettyUdtEndpoint server = NettyUdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults(),
                EngineSettings.defaults().withInboundInterceptor(() -> loss));
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults())) {
            server.listen(OPTIONS);
            UdtSocket sender = client.connect(server.localAddress(), OPTIONS);
            UdtSocket receiver = server.accept(Duration.ofSeconds(5));
            CompletableFuture<String> received = receiveAsync(receiver, bytes);

            String sent = TransferRunner.send(sender, bytes, 5);

            assertThat(received.get(40, TimeUnit.SECONDS)).isEqualTo(sent);
            assertThat(loss.dropped.get()).isPositive();
            assertThat(receiver.stats().packetsReceiveLoss()).isPositive();
            assertThat(sender.stats().packetsRetransmitted()).isGreaterThanOrEqualTo(loss.dropped.get());
        }
    }

    @Test
    void vanishedPeerFailsBlockedWriterAndReaderWithUdtException() throws Exception {
        LossInjectingHandler network = new LossInjectingHandler(0, 1);
        try (NettyUdtEndpoint server = NettyUdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults(), FAST_BREAK);
             NettyUdtEndpoint client = NettyUdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults(),
                     FAST_BREAK.withInboundInterceptor(() -> network))) {
            server.listen(OPTIONS);
            UdtSocket sender = client.connect(server.localAddress(), OPTIONS);
            UdtSocket receiver = server.accept(Duration.ofSeconds(5));
            CompletableFuture<String> reading = receiveAsync(receiver, Long.MAX_VALUE);
            TransferRunner.send(sender, 1 << 20, 1);

            network.blackhole.set(true);

            assertThatThrownBy(() -> TransferRunner.send(sender, 64L << 20, 2))
                    .isInstanceOf(UdtException.class).hasMessageContaining("broke");
            assertThat(sender.isOpen()).isFalse();
            assertThat(reading).failsWithin(Duration.ofSeconds(30))
                    .withThrowableThat().havingRootCause().isInstanceOf(UdtException.class);
            assertThat(receiver.isOpen()).isFalse();
        }
    }

    @Test
    void forgedPacketsAreDroppedAndTheConnectionStillWorks() throws Exception {
        try (NettyUdtEndpoint server = NettyUdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults(), EngineSettings.defaults());
             NettyUdtEndpoint client = NettyUdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults(), EngineSettings.defaults())) {
            server.listen(OPTIONS);
            UdtSocket outgoing = client.connect(server.localAddress(), OPTIONS);
            UdtSocket incoming = server.accept(Duration.ofSeconds(5));
            int target = incoming.socketId();
            InetSocketAddress from = client.localAddress();
            // Both directions start at the client's initial sequence number; nothing was sent yet.
            UdtConnection connection = ((NettyUdtSocket) incoming).connection();
            int sent = server.channel().eventLoop().submit(connection.sender()::sendCurrentSequence).get();
            int far = SequenceNumbers.increment(sent, 1 << 20);

            // As if from the real peer's address: losses and ACKs of data never sent, an inverted
            // range, data far beyond the receive window, and garbage.
            inject(server, from, new NakPacket(0, target, new int[] {
                    SequenceNumbers.increment(sent, 1000) | NakPacket.RANGE_START, far}));
            inject(server, from, new NakPacket(0, target, new int[] {
                    sent | NakPacket.RANGE_START, SequenceNumbers.decrement(sent)}));
            inject(server, from, new AckPacket(0, target, 1, far, 10, 10, 10, 10, 10, AckPacket.FULL));
            inject(server, from, new DataPacket(far, DataPacket.SOLO, 0, target, Unpooled.wrappedBuffer(new byte[100])));
            server.channel().eventLoop().submit(() -> server.channel().pipeline().fireChannelRead(
                    new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), server.localAddress(), from))).get();

            awaitCondition(() -> incoming.stats().packetsDropped() >= 4);
            UdtStats afterForgery = incoming.stats();
            assertThat(afterForgery.packetsSendLoss()).as("a forged NAK must not fill the loss list").isZero();
            assertThat(afterForgery.packetsReceiveLoss()).as("forged data must not open a gap").isZero();

            CompletableFuture<String> received = receiveAsync(outgoing, 4 << 20);
            String written = TransferRunner.send(incoming, 4 << 20, 3);
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(written);
        }
    }

    @Test
    void handshakeFloodFromOneAddressIsRateLimited() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UdtEndpointConfig config = new UdtEndpointConfig(8, 4, 5, registry);
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, config);
             DatagramSocket flood = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            server.listen(OPTIONS);
            byte[] request = bytes(new HandshakePacket(0, 0, 4, 1, 5, 1500, 8192, HandshakePacket.REQUEST, 99, 0,
                    new int[4]));
            for (int i = 0; i < 200; i++) {
                flood.send(new java.net.DatagramPacket(request, request.length, server.localAddress()));
            }
            int answers = countAnswers(flood, Duration.ofMillis(500));

            assertThat(answers).isBetween(1, 10);
            awaitCondition(() -> registry.get("sector.udt.handshakes.refused").functionCounter().count() >= 150);
        }
    }

    @Test
    void requestWithForgedCookieIsIgnored() throws Exception {
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             DatagramSocket attacker = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            server.listen(OPTIONS);
            byte[] forged = bytes(new HandshakePacket(0, 0, 4, 1, 5, 1500, 8192, HandshakePacket.RESPONSE, 99,
                    0x12345678, new int[4]));
            attacker.send(new java.net.DatagramPacket(forged, forged.length, server.localAddress()));

            assertThat(countAnswers(attacker, Duration.ofMillis(300))).isZero();
            assertThat(server.accept(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void aReplayedHandshakeOpensNoSecondConnection() throws Exception {
        List<byte[]> cookieRequests = new CopyOnWriteArrayList<>();
        EngineSettings capturing = EngineSettings.defaults().withInboundInterceptor(() -> new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf content = ((DatagramPacket) msg).content();
                // A handshake (control type 0) answering the listener's cookie: the one that opens a connection.
                if (content.readableBytes() >= 64 && content.getInt(0) == 0x80000000
                        && content.getInt(16 + 20) == HandshakePacket.RESPONSE) {
                    cookieRequests.add(ByteBufUtil.getBytes(content));
                }
                ctx.fireChannelRead(msg);
            }
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (NettyUdtEndpoint server = NettyUdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults().withMeterRegistry(registry),
                capturing);
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             DatagramSocket elsewhere = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            server.listen(OPTIONS);
            UdtSocket outgoing = client.connect(server.localAddress(), OPTIONS);
            UdtSocket incoming = server.accept(Duration.ofSeconds(5));
            assertThat(cookieRequests).isNotEmpty();
            byte[] replayed = cookieRequests.getFirst();

            // Again from the client's own address, and from another one.
            server.channel().eventLoop().submit(() -> server.channel().pipeline().fireChannelRead(new DatagramPacket(
                    Unpooled.wrappedBuffer(replayed), server.localAddress(), client.localAddress()))).get();
            elsewhere.send(new java.net.DatagramPacket(replayed, replayed.length, server.localAddress()));

            assertThat(countAnswers(elsewhere, Duration.ofMillis(300))).as("the cookie is bound to its address").isZero();
            assertThat(server.accept(Duration.ofMillis(300))).isNull();
            assertThat(registry.get("sector.udt.connections").gauge().value()).isEqualTo(1);
            CompletableFuture<String> received = receiveAsync(incoming, 1 << 20);
            String sent = TransferRunner.send(outgoing, 1 << 20, 5);
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
        }
    }

    @Test
    void connectionsPerPeerAreBounded() throws Exception {
        UdtEndpointConfig config = new UdtEndpointConfig(8, 2, 100, new SimpleMeterRegistry());
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, config);
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults())) {
            server.listen(OPTIONS);
            client.connect(server.localAddress(), OPTIONS);
            client.connect(server.localAddress(), OPTIONS);

            assertThatThrownBy(() -> client.connect(server.localAddress(), OPTIONS))
                    .isInstanceOf(UdtException.class).hasMessageContaining("rejected");
        }
    }

    @Test
    void connectingToASilentPortTimesOut() throws Exception {
        try (UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults());
             DatagramSocket silent = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            UdtSocketOptions quick = OPTIONS.withConnectTimeout(Duration.ofMillis(600));
            assertThatThrownBy(() -> client.connect((InetSocketAddress) silent.getLocalSocketAddress(), quick))
                    .isInstanceOf(UdtException.class).hasMessageContaining("no answer");
        }
    }

    @Test
    void closingOneConnectionLeavesTheOthersWorking() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (UdtEndpoint server = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults().withMeterRegistry(registry));
             UdtEndpoint client = UdtEndpoint.open(LOOPBACK, UdtEndpointConfig.defaults())) {
            server.listen(OPTIONS);
            UdtSocket first = client.connect(server.localAddress(), OPTIONS);
            UdtSocket firstAccepted = server.accept(Duration.ofSeconds(5));
            UdtSocket second = client.connect(server.localAddress(), OPTIONS);
            UdtSocket secondAccepted = server.accept(Duration.ofSeconds(5));

            first.abort();
            assertThat(receiveAsync(firstAccepted, 1)).failsWithin(Duration.ofSeconds(5));

            CompletableFuture<String> received = receiveAsync(secondAccepted, 2 << 20);
            assertThat(received.isDone()).isFalse();
            String sent = TransferRunner.send(second, 2 << 20, 9);
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
            awaitCondition(() -> registry.get("sector.udt.bytes.received").functionCounter().count() >= 2 << 20);
            assertThat(registry.get("sector.udt.connections").gauge().value()).isEqualTo(1);
        }
    }

    private static CompletableFuture<String> receiveAsync(UdtSocket socket, long bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TransferRunner.receive(socket, bytes);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private static void inject(NettyUdtEndpoint endpoint, InetSocketAddress from, UdtPacket packet) throws Exception {
        ByteBuf wire = UdtPacketEncoder.encode(ByteBufAllocator.DEFAULT, packet);
        if (packet instanceof DataPacket data) {
            data.release();
        }
        endpoint.channel().eventLoop().submit(() -> endpoint.channel().pipeline().fireChannelRead(
                new DatagramPacket(wire, endpoint.localAddress(), from))).get();
    }

    private static byte[] bytes(UdtPacket packet) {
        ByteBuf wire = UdtPacketEncoder.encode(ByteBufAllocator.DEFAULT, packet);
        try {
            byte[] bytes = new byte[wire.readableBytes()];
            wire.readBytes(bytes);
            return bytes;
        } finally {
            wire.release();
        }
    }

    private static int countAnswers(DatagramSocket socket, Duration window) throws Exception {
        long deadline = System.nanoTime() + window.toNanos();
        int answers = 0;
        byte[] buffer = new byte[2048];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                socket.receive(new java.net.DatagramPacket(buffer, buffer.length));
                answers++;
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return answers;
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
