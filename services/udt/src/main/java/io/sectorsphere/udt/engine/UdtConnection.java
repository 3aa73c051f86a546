package io.sectorsphere.udt.engine;

import io.netty.channel.Channel;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.UdtStats;
import io.sectorsphere.udt.cc.CongestionControls;
import io.sectorsphere.udt.packet.Ack2Packet;
import io.sectorsphere.udt.packet.AckPacket;
import io.sectorsphere.udt.packet.ControlType;
import io.sectorsphere.udt.packet.DataPacket;
import io.sectorsphere.udt.packet.HandshakePacket;
import io.sectorsphere.udt.packet.MessageDropPacket;
import io.sectorsphere.udt.packet.NakPacket;
import io.sectorsphere.udt.packet.SignalPacket;
import io.sectorsphere.udt.packet.UdtPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One UDT connection as UDT 4.11 runs it: the handshake, the SYN timer, liveness (EXP timer,
 * keep-alive, break rule), shutdown and statistics; its {@link DataSender} and
 * {@link DataReceiver} do the data. Every field is confined to the endpoint's event loop; the
 * application reaches it only through the {@link SendBuffer} and {@link ReceiveBuffer} and by
 * submitting tasks to the loop.
 */
final class UdtConnection {

    enum State { CONNECTING, CONNECTED, CLOSED }

    static final int SYN_MICROS = 10_000;

    private final NettyUdtEndpoint endpoint;
    private final Channel channel;
    private final EventLoop loop;
    private final EndpointMetrics metrics;
    private final EngineSettings settings;
    private final UdtSocketOptions options;
    private final int socketId;
    private final InetSocketAddress peer;
    private final long startMicros;
    private final CompletableFuture<UdtConnection> established = new CompletableFuture<>();
    private final RoundTripEstimate roundTrip = new RoundTripEstimate();

    final SendBuffer sendBuffer;
    final ReceiveBuffer receiveBuffer;
    private final DataSender sender;
    private final DataReceiver receiver;

    private volatile State state = State.CONNECTING;
    private ScheduledFuture<?> ticker;

    // handshake
    private final int initialSequence;
    private int cookie;
    private int requestType = HandshakePacket.REQUEST;
    private long lastRequestMicros;
    private HandshakePacket acceptance;

    // negotiated
    private int peerSocketId;
    private int mss;
    private int payloadSize;
    private int peerFlowWindow;
    private long establishedMicros;

    // liveness
    private long lastResponseMicros;
    private int expirations = 1;

    // statistics
    private long packetsDropped;
    private long lastStatsMicros;
    private long bytesSentAtLastStats;
    private long bytesReceivedAtLastStats;
    private long publishedPacketsSent;
    private long publishedPacketsReceived;
    private long publishedBytesSent;
    private long publishedBytesReceived;

    UdtConnection(NettyUdtEndpoint endpoint, UdtSocketOptions options, int socketId, InetSocketAddress peer,
                  int initialSequence) {
        this.endpoint = endpoint;
        this.channel = endpoint.channel();
        this.loop = channel.eventLoop();
        this.metrics = endpoint.metrics();
        this.settings = endpoint.settings();
        this.options = options;
        this.socketId = socketId;
        this.peer = peer;
        this.initialSequence = initialSequence;
        this.startMicros = endpoint.nowMicros();
        this.sendBuffer = new SendBuffer(options.sendBufferPackets());
        this.receiveBuffer = new ReceiveBuffer(options.receiveBufferPackets(), this::onReceiveSpaceFreed);
        this.sender = new DataSender(this, endpoint, CongestionControls.create(options.congestionControl()),
                roundTrip, sendBuffer);
        this.receiver = new DataReceiver(this, endpoint, roundTrip, receiveBuffer, options.receiveBufferPackets());
    }

    int socketId() {
        return socketId;
    }

    int peerSocketId() {
        return peerSocketId;
    }

    InetSocketAddress peer() {
        return peer;
    }

    State state() {
        return state;
    }

    UdtSocketOptions options() {
        return options;
    }

    int payloadSize() {
        return payloadSize;
    }

    EventLoop loop() {
        return loop;
    }

    CompletableFuture<UdtConnection> established() {
        return established;
    }

    DataSender sender() {
        return sender;
    }

    // ---------------------------------------------------------------- handshake

    /** Client side: starts sending connection requests. */
    void startConnecting() {
        lastRequestMicros = 0;
        ticker = loop.scheduleAtFixedRate(this::onTick, 0, SYN_MICROS, TimeUnit.MICROSECONDS);
    }

    private void sendRequest(long now) {
        lastRequestMicros = now;
        send(new HandshakePacket(timestamp(now), 0, HandshakePacket.VERSION, HandshakePacket.STREAM,
                initialSequence, options.mss(), Math.min(options.receiveBufferPackets(), options.flowWindowPackets()),
                requestType, socketId, cookie, PeerAddressWords.of(peer.getAddress())));
    }

    private void onHandshakeWhileConnecting(HandshakePacket response, long now) {
        if (response.requestType() == HandshakePacket.REQUEST) {
            // The listener's cookie: ask again with it.
            cookie = response.cookie();
            requestType = HandshakePacket.RESPONSE;
            sendRequest(now);
        } else if (response.requestType() == HandshakePacket.RESPONSE) {
            if (response.mss() < UdtSocketOptions.MIN_MSS || response.socketId() == 0) {
                fail(new UdtException("invalid connection response from " + peer));
                return;
            }
            peerSocketId = response.socketId();
            peerFlowWindow = Math.max(2, response.flowWindow());
            establish(Math.min(options.mss(), response.mss()), initialSequence, response.initialSequence(), now);
        } else if (response.requestType() >= 1000) {
            fail(new UdtException(peer + " rejected the connection (" + response.requestType() + ")"));
        }
    }

    /**
     * Server side: the listener verified {@code request}'s cookie. Both directions start at the
     * client's initial sequence number, as in 4.11. Returns the acceptance to send back.
     */
    HandshakePacket accept(HandshakePacket request, long now) {
        peerSocketId = request.socketId();
        peerFlowWindow = Math.max(2, request.flowWindow());
        int negotiatedMss = Math.min(options.mss(), request.mss());
        acceptance = new HandshakePacket(timestamp(now), peerSocketId, HandshakePacket.VERSION, HandshakePacket.STREAM,
                request.initialSequence(), negotiatedMss,
                Math.min(options.receiveBufferPackets(), options.flowWindowPackets()),
                HandshakePacket.RESPONSE, socketId, request.cookie(), PeerAddressWords.of(peer.getAddress()));
        establish(negotiatedMss, request.initialSequence(), request.initialSequence(), now);
        ticker = loop.scheduleAtFixedRate(this::onTick, SYN_MICROS, SYN_MICROS, TimeUnit.MICROSECONDS);
        return acceptance;
    }

    /** The acceptance again, for a client whose first copy was lost. */
    HandshakePacket acceptance() {
        return acceptance;
    }

    private void establish(int negotiatedMss, int sendIsn, int receiveIsn, long now) {
        mss = negotiatedMss;
        payloadSize = mss - 28 - UdtPacket.HEADER_SIZE;
        sendBuffer.open(payloadSize);
        receiver.start(payloadSize, receiveIsn, now);
        establishedMicros = now;
        lastStatsMicros = now;
        lastResponseMicros = now;
        sender.start(mss, sendIsn, peerFlowWindow, now);
        state = State.CONNECTED;
        metrics.connectionsOpened.increment();
        established.complete(this);
    }

    // ---------------------------------------------------------------- inbound

    /** A packet from the peer's address for this socket id. Releases a data packet's payload. */
    void onPacket(UdtPacket packet) {
        try {
            long now = endpoint.nowMicros();
            if (state == State.CONNECTING) {
                if (packet instanceof HandshakePacket hs) {
                    onHandshakeWhileConnecting(hs, now);
                } else {
                    dropped();
                }
                return;
            }
            if (state == State.CLOSED) {
                return;
            }
            lastResponseMicros = now;
            expirations = 1;
            switch (packet) {
                case DataPacket data -> receiver.onData(data, now);
                case AckPacket ack -> sender.onAck(ack, now);
                case NakPacket nak -> sender.onNak(nak);
                case Ack2Packet ack2 -> receiver.onAck2(ack2, now);
                case HandshakePacket hs -> onHandshakeWhileConnected(hs, now);
                case SignalPacket signal -> onSignal(signal);
                case MessageDropPacket drop -> dropped(); // STREAM sockets never drop messages
            }
        } finally {
            if (packet instanceof DataPacket data) {
                data.release();
            }
        }
    }

    private void onHandshakeWhileConnected(HandshakePacket hs, long now) {
        if (hs.requestType() > 0 && acceptance == null) {
            // The listener has not seen our second request: repeat it, as 4.11 does.
            sendRequest(now);
        }
    }

    private void onSignal(SignalPacket signal) {
        if (signal.type() == ControlType.SHUTDOWN) {
            receiveBuffer.finish();
            close(new UdtException("the peer closed the connection"));
        } else if (signal.type() == ControlType.ERROR_SIGNAL) {
            close(new UdtException("the peer signalled an error (" + signal.additionalInfo() + ")"));
        }
        // Keep-alives only refresh the peer's liveness; congestion warnings are left to the controller's own view.
    }

    /** The endpoint finished a batch of datagrams. */
    void wakeReaders() {
        receiver.wakeReaders();
    }

    /** The reader took packets from a nearly full buffer: tell the sender at once that the window opened. */
    private void onReceiveSpaceFreed() {
        executeIfRunning(() -> {
            try {
                if (state == State.CONNECTED) {
                    receiver.sendFullAck(endpoint.nowMicros(), true);
                }
            } catch (RuntimeException e) {
                onFailure(e);
            }
        });
    }

    // ---------------------------------------------------------------- outbound

    /** Writers appended data. */
    void requestSend() {
        sender.requestSend();
    }

    void onWritable() {
        sender.trySend();
    }

    void send(UdtPacket packet) {
        channel.writeAndFlush(new DefaultAddressedEnvelope<>(packet, peer), channel.voidPromise());
    }

    /** Hands {@code task} to the loop from an application thread; a closed endpoint has nothing left to do. */
    void executeIfRunning(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The endpoint shut its event loop down; the buffers already report the closed connection.
        }
    }

    // ---------------------------------------------------------------- timers

    private void onTick() {
        try {
            publishTotals();
            long now = endpoint.nowMicros();
            if (state == State.CONNECTING) {
                if (now - lastRequestMicros >= settings.handshakeRetryMicros()) {
                    sendRequest(now);
                }
                return;
            }
            if (state != State.CONNECTED) {
                return;
            }
            receiver.onTimer(now);
            checkExpiration(now);
        } catch (RuntimeException e) {
            onFailure(e);
        }
    }

    private void checkExpiration(long now) {
        long interval = Math.max(expirations * roundTrip.timeoutMicros() + SYN_MICROS,
                expirations * settings.minExpIntervalMicros());
        if (now - lastResponseMicros <= interval) {
            return;
        }
        if (expirations > settings.breakAfterExpirations()
                && now - lastResponseMicros > settings.breakAfterSilenceMicros()) {
            metrics.connectionsBroken.increment();
            close(new UdtException("the connection broke: no answer from " + peer + " after "
                    + expirations + " timeouts"));
            return;
        }
        if (!sender.onTimeout()) {
            send(new SignalPacket(ControlType.KEEP_ALIVE, timestamp(now), peerSocketId, 0));
        }
        expirations++;
        lastResponseMicros = now;
    }

    /**
     * Adds this connection's traffic since the last call to the endpoint's meters: once per SYN
     * rather than per packet, which would cost a contended add on the hot path.
     */
    private void publishTotals() {
        metrics.packetsSent.add(sender.packetsSent() - publishedPacketsSent);
        metrics.packetsReceived.add(receiver.packetsReceived() - publishedPacketsReceived);
        metrics.bytesSent.add(sender.bytesSent() - publishedBytesSent);
        metrics.bytesReceived.add(receiver.bytesReceived() - publishedBytesReceived);
        publishedPacketsSent = sender.packetsSent();
        publishedPacketsReceived = receiver.packetsReceived();
        publishedBytesSent = sender.bytesSent();
        publishedBytesReceived = receiver.bytesReceived();
    }

    // ---------------------------------------------------------------- closing

    /** The connection failed before or after it was established. */
    void fail(UdtException reason) {
        close(reason);
    }

    /** This side closes: tells the peer, drops what is unread. */
    void shutdown() {
        if (state == State.CONNECTED) {
            send(new SignalPacket(ControlType.SHUTDOWN, timestamp(endpoint.nowMicros()), peerSocketId, 0));
        }
        receiveBuffer.discard();
        close(new UdtException("the connection is closed"));
    }

    private void close(UdtException reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        publishTotals();
        if (ticker != null) {
            ticker.cancel(false);
        }
        sendBuffer.fail(reason);
        receiveBuffer.fail(reason);
        established.completeExceptionally(reason);
        endpoint.unregister(this);
    }

    /** A bug surfaced on the loop: counted and logged by the endpoint, never thrown into Netty. */
    void onFailure(Throwable failure) {
        endpoint.onHandlerFailure(failure);
    }

    // ---------------------------------------------------------------- statistics

    UdtStats stats() {
        long now = endpoint.nowMicros();
        double seconds = Math.max(1e-6, (now - lastStatsMicros) / 1e6);
        long bytesSent = sender.bytesSent();
        long bytesReceived = receiver.bytesReceived();
        double sendMbps = (bytesSent - bytesSentAtLastStats) * 8 / seconds / 1e6;
        double receiveMbps = (bytesReceived - bytesReceivedAtLastStats) * 8 / seconds / 1e6;
        lastStatsMicros = now;
        bytesSentAtLastStats = bytesSent;
        bytesReceivedAtLastStats = bytesReceived;
        int inFlight = state == State.CONNECTED ? sender.inFlight() : 0;
        return new UdtStats((now - establishedMicros) / 1000, sender.packetsSent(), receiver.packetsReceived(),
                sender.packetsSendLoss(), receiver.packetsReceiveLoss(), sender.packetsRetransmitted(),
                receiver.acksSent(), sender.acksReceived(), receiver.naksSent(), sender.naksReceived(),
                packetsDropped + receiver.packetsDropped(), bytesSent, bytesReceived, sendMbps, receiveMbps,
                roundTrip.rttMicros() / 1000.0, sender.bandwidth() * (double) payloadSize * 8 / 1e6,
                sender.peerFlowWindow(), sender.congestionWindowPackets(), inFlight, sender.packetSendPeriodMicros());
    }

    void dropped() {
        packetsDropped++;
        metrics.rejected.increment();
    }

    int timestamp(long now) {
        return (int) (now - startMicros);
    }

    long nowMicros() {
        return endpoint.nowMicros();
    }
}
