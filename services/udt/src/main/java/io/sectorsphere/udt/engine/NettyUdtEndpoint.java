package io.sectorsphere.udt.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.UdtEndpoint;
import io.sectorsphere.udt.UdtEndpointConfig;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.packet.DataPacket;
import io.sectorsphere.udt.packet.HandshakePacket;
import io.sectorsphere.udt.packet.UdtPacket;
import io.sectorsphere.udt.packet.UdtPacketDecoder;
import io.sectorsphere.udt.packet.UdtPacketEncoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP port on one Netty event loop carrying any number of UDT connections: it dispatches
 * packets by destination socket id (checking the sender's address), answers connection
 * requests with stateless cookies when listening, and hands accepted connections to
 * {@link #accept}. Connection tables are touched on the event loop only.
 */
public final class NettyUdtEndpoint implements UdtEndpoint {

    private static final Logger log = LoggerFactory.getLogger(NettyUdtEndpoint.class);
    /** IP and UDP headers, which the MSS counts and a datagram's payload does not. */
    private static final int IP_UDP_HEADERS = 28;
    private static final int MESSAGES_PER_READ = 64;
    private static final int DATAGRAMS_PER_SYSCALL = 16;

    private final UdtEndpointConfig config;
    private final EngineSettings settings;
    private final EventLoopGroup group;
    private final Channel channel;
    private final EndpointMetrics metrics;
    private final Transport transport;
    private final SecureRandom random = new SecureRandom();
    private final HandshakeCookies cookies = new HandshakeCookies(random);
    private final HandshakeRateLimiter rateLimiter;
    private final BlockingQueue<NettyUdtSocket> acceptQueue;
    private final Map<Integer, UdtConnection> connections = new HashMap<>();
    private final Map<PeerSocket, UdtConnection> accepted = new HashMap<>();
    private final Map<InetAddress, Integer> acceptedPerPeer = new HashMap<>();
    private volatile UdtSocketOptions listenOptions;
    private int receiveMss = UdtSocketOptions.defaults().mss();
    private final List<UdtConnection> readersToWake = new ArrayList<>();
    private volatile int openConnections;

    private record PeerSocket(InetSocketAddress address, int socketId) {
    }

    private NettyUdtEndpoint(InetSocketAddress bindAddress, UdtEndpointConfig config, EngineSettings settings)
            throws IOException {
        this.config = config;
        this.settings = settings;
        this.rateLimiter = new HandshakeRateLimiter(config.handshakesPerSecondPerPeer());
        this.acceptQueue = new ArrayBlockingQueue<>(Math.max(1, config.acceptBacklog()));
        this.transport = Transport.best();
        this.group = transport.newEventLoopGroup("udt-" + bindAddress.getPort());
        UdtPacketEncoder encoder = new UdtPacketEncoder();
        EndpointHandler handler = new EndpointHandler(this);
        EndpointMetrics[] metricsHolder = new EndpointMetrics[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelClass())
                // Pooled: control packets and the read buffers of every recvmmsg call come from here.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.SO_RCVBUF, settings.socketBufferBytes())
                .option(ChannelOption.SO_SNDBUF, settings.socketBufferBytes())
                .option(ChannelOption.MAX_MESSAGES_PER_READ, MESSAGES_PER_READ)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        for (Supplier<io.netty.channel.ChannelHandler> interceptor : settings.inboundInterceptors()) {
                            ch.pipeline().addLast(interceptor.get());
                        }
                        ch.pipeline().addLast(new UdtPacketDecoder(() -> metricsHolder[0].malformed.increment()));
                        ch.pipeline().addLast(encoder);
                        ch.pipeline().addLast(handler);
                    }
                });
        try {
            this.channel = bootstrap.bind(bindAddress).sync().channel();
            configureReceive(channel, transport, receiveMss);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot bind UDT endpoint to " + bindAddress, e);
        }
        this.metrics = new EndpointMetrics(config.meterRegistry(), localAddress().getPort(), () -> openConnections);
        metricsHolder[0] = metrics;
    }

    /**
     * Receive buffers for {@code datagramsPerRead} datagrams of the largest size any connection
     * here may carry: with epoll one {@code recvmmsg} call fills them (the connection copies out
     * what it keeps, so a buffer never outlives its read); elsewhere one datagram per buffer.
     * Datagrams never fill the buffer, so the allocator must not take a short read for an empty
     * socket: with edge-triggered epoll the rest would wait for the next datagram's edge.
     */
    private static FixedRecvByteBufAllocator receiveAllocator(int mss, int datagramsPerRead) {
        FixedRecvByteBufAllocator allocator = new FixedRecvByteBufAllocator(datagramsPerRead * (mss - IP_UDP_HEADERS));
        allocator.respectMaybeMoreData(false);
        return allocator;
    }

    /** Grows the receive buffers for a connection with a larger MSS; on the event loop. */
    private void admitMss(int mss) {
        if (mss > receiveMss) {
            receiveMss = mss;
            configureReceive(channel, transport, mss);
        }
    }

    private static void configureReceive(Channel channel, Transport transport, int mss) {
        int datagramsPerRead = transport == Transport.EPOLL ? DATAGRAMS_PER_SYSCALL : 1;
        channel.config().setRecvByteBufAllocator(receiveAllocator(mss, datagramsPerRead));
        if (transport == Transport.EPOLL) {
            channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, mss - IP_UDP_HEADERS);
        }
    }

    public static UdtEndpoint open(InetSocketAddress bindAddress, UdtEndpointConfig config) throws IOException {
        return open(bindAddress, config, EngineSettings.defaults());
    }

    public static NettyUdtEndpoint open(InetSocketAddress bindAddress, UdtEndpointConfig config,
                                        EngineSettings settings) throws IOException {
        return new NettyUdtEndpoint(bindAddress, config, settings);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public UdtSocket connect(InetSocketAddress remote, UdtSocketOptions options) throws IOException {
        UdtConnection connection;
        try {
            connection = channel.eventLoop().submit(() -> {
                UdtConnection created = new UdtConnection(this, options, newSocketId(), remote,
                        random.nextInt(SequenceNumbers.MAX));
                admitMss(options.mss());
                register(created);
                created.startConnecting();
                return created;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UdtException("interrupted while connecting to " + remote);
        } catch (ExecutionException e) {
            throw new UdtException("cannot connect to " + remote, e.getCause());
        }
        try {
            connection.established().get(options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return new NettyUdtSocket(connection, this);
        } catch (TimeoutException e) {
            UdtException timeout = new UdtException("no answer from " + remote + " within " + options.connectTimeout());
            channel.eventLoop().execute(() -> connection.fail(timeout));
            throw timeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.eventLoop().execute(() -> connection.fail(new UdtException("connect interrupted")));
            throw new UdtException("interrupted while connecting to " + remote);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UdtException u ? new UdtException(u.getMessage(), u)
                    : new UdtException("cannot connect to " + remote, e.getCause());
        }
    }

    @Override
    public void listen(UdtSocketOptions options) {
        channel.eventLoop().execute(() -> admitMss(options.mss()));
        this.listenOptions = options;
    }

    @Override
    public UdtSocket accept(Duration timeout) throws InterruptedException {
        return acceptQueue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        listenOptions = null;
        if (channel.isOpen()) {
            try {
                channel.eventLoop().submit(() -> {
                    for (UdtConnection connection : new ArrayList<>(connections.values())) {
                        connection.shutdown();
                    }
                }).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("closing connections of {} failed", localAddress(), e);
            }
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        NettyUdtSocket pending;
        while ((pending = acceptQueue.poll()) != null) {
            pending.abort();
        }
        metrics.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------- event loop side

    Channel channel() {
        return channel;
    }

    EndpointMetrics metrics() {
        return metrics;
    }

    EngineSettings settings() {
        return settings;
    }

    long nowMicros() {
        return System.nanoTime() / 1000;
    }

    void dispatch(UdtPacket packet, InetSocketAddress sender) {
        int destination = packet.destinationSocketId();
        if (destination == 0) {
            if (packet instanceof HandshakePacket request) {
                onConnectionRequest(request, sender);
            } else {
                unknown(packet);
            }
            return;
        }
        UdtConnection connection = connections.get(destination);
        if (connection == null || !connection.peer().equals(sender)) {
            unknown(packet);
            return;
        }
        connection.onPacket(packet);
    }

    private void unknown(UdtPacket packet) {
        metrics.unknownDestination.increment();
        if (packet instanceof DataPacket data) {
            data.release();
        }
    }

    private void onConnectionRequest(HandshakePacket request, InetSocketAddress peer) {
        UdtSocketOptions options = listenOptions;
        long now = nowMicros();
        if (options == null || !rateLimiter.tryAcquire(peer.getAddress(), now)) {
            metrics.handshakesRefused.increment();
            return;
        }
        if (request.version() != HandshakePacket.VERSION || request.socketType() != HandshakePacket.STREAM) {
            reject(request, peer);
            return;
        }
        if (request.requestType() == HandshakePacket.REQUEST) {
            reply(request.withReply(request.socketId(), HandshakePacket.REQUEST, cookies.cookie(peer, now)), peer);
            return;
        }
        if (request.requestType() != HandshakePacket.RESPONSE || !cookies.isValid(peer, request.cookie(), now)) {
            metrics.handshakesRefused.increment();
            return;
        }
        PeerSocket key = new PeerSocket(peer, request.socketId());
        UdtConnection existing = accepted.get(key);
        if (existing != null) {
            reply(existing.acceptance(), peer);
            return;
        }
        int fromPeer = acceptedPerPeer.getOrDefault(peer.getAddress(), 0);
        if (fromPeer >= config.maxConnectionsPerPeer() || acceptQueue.remainingCapacity() == 0
                || request.mss() < UdtSocketOptions.MIN_MSS || request.socketId() == 0) {
            reject(request, peer);
            return;
        }
        UdtConnection connection = new UdtConnection(this, options, newSocketId(), peer, request.initialSequence());
        register(connection);
        accepted.put(key, connection);
        acceptedPerPeer.merge(peer.getAddress(), 1, Integer::sum);
        reply(connection.accept(request, now), peer);
        if (!acceptQueue.offer(new NettyUdtSocket(connection, this))) {
            connection.shutdown();
        }
    }

    private void reject(HandshakePacket request, InetSocketAddress peer) {
        metrics.handshakesRefused.increment();
        reply(request.withReply(request.socketId(), HandshakePacket.REJECTED, request.cookie()), peer);
    }

    private void reply(HandshakePacket packet, InetSocketAddress peer) {
        channel.writeAndFlush(new DefaultAddressedEnvelope<UdtPacket, InetSocketAddress>(packet, peer),
                channel.voidPromise());
    }

    private void register(UdtConnection connection) {
        connections.put(connection.socketId(), connection);
        openConnections = connections.size();
    }

    void unregister(UdtConnection connection) {
        if (connections.remove(connection.socketId(), connection)) {
            openConnections = connections.size();
        }
        if (accepted.remove(new PeerSocket(connection.peer(), connection.peerSocketId()), connection)) {
            acceptedPerPeer.computeIfPresent(connection.peer().getAddress(), (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** How connections hand a run of equal-sized packets to the kernel in one send, or {@code null}. */
    DataBurst.SegmentedDatagrams segmentedDatagrams() {
        return transport.segmentedDatagrams();
    }

    void wakeReadersAfterThisBatch(UdtConnection connection) {
        readersToWake.add(connection);
    }

    /** The end of a batch of datagrams read from the socket. */
    void onReadComplete() {
        for (int i = 0; i < readersToWake.size(); i++) {
            readersToWake.get(i).wakeReaders();
        }
        readersToWake.clear();
    }

    void onWritable() {
        for (UdtConnection connection : new ArrayList<>(connections.values())) {
            connection.onWritable();
        }
    }

    void onHandlerFailure(Throwable failure) {
        metrics.rejected.increment();
        log.debug("UDT endpoint {} dropped a packet after a failure", channel.localAddress(), failure);
    }

    private int newSocketId() {
        int id;
        do {
            id = 1 + random.nextInt((1 << 30) - 1);
        } while (connections.containsKey(id));
        return id;
    }
}
