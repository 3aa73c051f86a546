package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.UdtStats;
import io.sectorsphere.udt.cc.CongestionContext;
import io.sectorsphere.udt.cc.CongestionControl;
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
import io.sectorsphere.udt.packet.UdtPacketEncoder;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One UDT connection's protocol state: sender, receiver and timers as UDT 4.11 runs them. Every
 * field is confined to the endpoint's event loop; the application reaches it only through the
 * {@link SendBuffer} and {@link ReceiveBuffer} and by submitting tasks to the loop.
 */
final class UdtConnection implements CongestionContext {

    enum State { CONNECTING, CONNECTED, CLOSED }

    static final int SYN_MICROS = 10_000;
    private static final int LIGHT_ACK_PACKETS = 64;
    private static final int MAX_BURST = 64;
    private static final long MIN_WAKE_MICROS = 200;

    private final NettyUdtEndpoint endpoint;
    private final Channel channel;
    private final EventLoop loop;
    private final EndpointMetrics metrics;
    private final EngineSettings settings;
    private final UdtSocketOptions options;
    private final CongestionControl congestion;
    private final int socketId;
    private final InetSocketAddress peer;
    private final long startMicros;
    private final CompletableFuture<UdtConnection> established = new CompletableFuture<>();
    private final AtomicBoolean sendRequested = new AtomicBoolean();
    /** Set by the loop when it ran out of data to send, so writers wake it only then. */
    private volatile boolean awaitingData = true;

    final SendBuffer sendBuffer;
    final ReceiveBuffer receiveBuffer;

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

    // sender
    private final SequenceLossList sendLoss;
    private int sendLastAck;
    private int sendLastDataAck;
    private int sendCurrent;
    private int lastAck2Number = -1;
    private long lastAck2Micros;
    private double nextSendMicros;
    private boolean wakeScheduled;
    /** Data was delivered during the current batch of datagrams; readers are woken at its end. */
    private boolean readersToWake;
    /** The packets of the burst being paced out, sent together at its end. */
    private final DataBurst burst;

    // receiver
    private final SequenceLossList receiveLoss;
    private int receiveNext;
    private int receiveCurrent;
    private int receiveLastAck;
    private int receiveLastAckAck;
    private int ackNumber;
    private long lastFullAckMicros;
    private int packetsSinceAck;
    private int lightAcks = 1;
    private final AckHistory ackHistory = new AckHistory();
    private final int[] ackedSequence = new int[1];
    private ArrivalHistory arrivals;

    // estimates, 4.11's start values
    private int rtt = 10 * SYN_MICROS;
    private int rttVariance = 5 * SYN_MICROS;
    private int deliveryRate = 16;
    private int bandwidth = 1;

    // timers
    private long nextAckMicros;
    private long nextNakMicros;
    private long lastResponseMicros;
    private int expirations = 1;

    // statistics
    private long packetsSent;
    private long packetsReceived;
    private long packetsSendLoss;
    private long packetsReceiveLoss;
    private long packetsRetransmitted;
    private long acksSent;
    private long acksReceived;
    private long naksSent;
    private long naksReceived;
    private long packetsDropped;
    private long bytesSent;
    private long bytesReceived;
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
        this.congestion = CongestionControls.create(options.congestionControl());
        this.socketId = socketId;
        this.peer = peer;
        this.initialSequence = initialSequence;
        this.startMicros = endpoint.nowMicros();
        this.sendBuffer = new SendBuffer(options.sendBufferPackets());
        this.burst = new DataBurst(endpoint.segmentedDatagrams(), peer);
        this.receiveBuffer = new ReceiveBuffer(options.receiveBufferPackets(), this::onReceiveSpaceFreed);
        this.sendLoss = new SequenceLossList(options.sendBufferPackets());
        this.receiveLoss = new SequenceLossList(options.receiveBufferPackets());
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
        receiveBuffer.open(payloadSize);
        sendBuffer.open(payloadSize);
        sendCurrent = SequenceNumbers.decrement(sendIsn);
        sendLastAck = sendIsn;
        sendLastDataAck = sendIsn;
        receiveNext = receiveIsn;
        receiveCurrent = SequenceNumbers.decrement(receiveIsn);
        receiveLastAck = receiveIsn;
        receiveLastAckAck = receiveIsn;
        arrivals = new ArrivalHistory(now);
        establishedMicros = now;
        lastStatsMicros = now;
        lastResponseMicros = now;
        nextAckMicros = now + SYN_MICROS;
        nextNakMicros = now + nakInterval();
        nextSendMicros = now;
        congestion.init(this);
        state = State.CONNECTED;
        metrics.connectionsOpened.increment();
        established.complete(this);
    }

    // ---------------------------------------------------------------- inbound

    /** A packet from the peer's address for this socket id. Takes ownership of data payloads. */
    void onPacket(UdtPacket packet) {
        long now = endpoint.nowMicros();
        if (state == State.CONNECTING) {
            if (packet instanceof HandshakePacket hs) {
                onHandshakeWhileConnecting(hs, now);
            } else {
                dropped();
            }
            releaseIfData(packet);
            return;
        }
        if (state == State.CLOSED) {
            releaseIfData(packet);
            return;
        }
        lastResponseMicros = now;
        expirations = 1;
        switch (packet) {
            case DataPacket data -> onData(data, now);
            case AckPacket ack -> onAck(ack, now);
            case NakPacket nak -> onNak(nak);
            case Ack2Packet ack2 -> onAck2(ack2, now);
            case HandshakePacket hs -> onHandshakeWhileConnected(hs, now);
            case SignalPacket signal -> onSignal(signal);
            case MessageDropPacket drop -> dropped(); // STREAM sockets never drop messages
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

    /** Takes ownership of the packet's payload: kept as received, or released when dropped. */
    private void onData(DataPacket data, long now) {
        ByteBuf payload = data.payload();
        int sequence = data.sequence();
        packetsReceived++;
        arrivals.onArrival(sequence, now);
        int offset = SequenceNumbers.offset(receiveNext, sequence);
        if (payload.readableBytes() > payloadSize || offset < 0
                || offset >= receiveBuffer.capacity() - receiveBuffer.size()) {
            // A duplicate of delivered data, too large, or beyond what we let the peer send.
            if (offset >= 0) {
                metrics.outOfWindow.increment();
            }
            packetsDropped++;
            payload.release();
            return;
        }
        if (SequenceNumbers.compare(sequence, receiveCurrent) > 0) {
            int expected = SequenceNumbers.increment(receiveCurrent);
            if (sequence != expected) {
                int lastMissing = SequenceNumbers.decrement(sequence);
                int missing = receiveLoss.addRange(expected, lastMissing);
                packetsReceiveLoss += missing;
                metrics.packetsLost.add(missing);
                sendNak(expected == lastMissing ? new int[] {expected}
                        : new int[] {expected | NakPacket.RANGE_START, lastMissing}, now);
            }
            receiveCurrent = sequence;
        } else if (!receiveLoss.remove(sequence)) {
            packetsDropped++;
            payload.release();
            return;
        }
        int length = payload.readableBytes();
        receiveBuffer.store(offset, payload);
        payload.release();
        bytesReceived += length;
        if (offset == 0) {
            receiveNext = SequenceNumbers.increment(receiveNext, receiveBuffer.deliver());
            if (!readersToWake) {
                readersToWake = true;
                endpoint.wakeReadersAfterThisBatch(this);
            }
        }
        if (++packetsSinceAck >= LIGHT_ACK_PACKETS * lightAcks) {
            sendLightAck(now);
            lightAcks++;
        }
    }

    private void onAck(AckPacket ack, long now) {
        int next = ack.nextExpectedSequence();
        if (SequenceNumbers.compare(next, SequenceNumbers.increment(sendCurrent)) > 0) {
            // Acknowledges data never sent: forged or broken. 4.11 breaks the connection; we ignore it.
            dropped();
            return;
        }
        if (ack.isLight()) {
            if (SequenceNumbers.compare(next, sendLastAck) > 0) {
                peerFlowWindow = Math.max(2, peerFlowWindow - SequenceNumbers.offset(sendLastAck, next));
                sendLastAck = next;
            }
            trySend();
            return;
        }
        if (now - lastAck2Micros > SYN_MICROS || ack.ackNumber() == lastAck2Number) {
            send(new Ack2Packet(timestamp(now), peerSocketId, ack.ackNumber()));
            lastAck2Number = ack.ackNumber();
            lastAck2Micros = now;
        }
        if (SequenceNumbers.compare(next, sendLastAck) >= 0) {
            peerFlowWindow = Math.max(2, ack.availableBufferPackets());
            sendLastAck = next;
        }
        int newlyAcked = SequenceNumbers.offset(sendLastDataAck, next);
        if (newlyAcked <= 0) {
            return;
        }
        sendBuffer.acknowledge(newlyAcked);
        sendLoss.removeBefore(sendLastDataAck, next);
        sendLastDataAck = next;
        if (ack.rttMicros() > 0) {
            rttVariance = (rttVariance * 3 + Math.abs(ack.rttMicros() - rtt)) >> 2;
            rtt = (rtt * 7 + ack.rttMicros()) >> 3;
        }
        if (ack.carriesRates()) {
            if (ack.receiveRate() > 0) {
                deliveryRate = (int) (((long) deliveryRate * 7 + ack.receiveRate()) >> 3);
            }
            if (ack.linkCapacity() > 0) {
                bandwidth = (int) (((long) bandwidth * 7 + ack.linkCapacity()) >> 3);
            }
        }
        acksReceived++;
        congestion.onAck(next);
        trySend();
    }

    private void onNak(NakPacket nak) {
        int[] losses = nak.lossList();
        // Validate all before acting: a range must not be inverted nor reach past what was sent.
        for (int i = 0; i < losses.length; i++) {
            int first = losses[i] & SequenceNumbers.MAX;
            int last = (losses[i] & NakPacket.RANGE_START) != 0 ? losses[++i] : first;
            if (SequenceNumbers.compare(first, last) > 0 || SequenceNumbers.compare(last, sendCurrent) > 0) {
                dropped();
                return;
            }
        }
        naksReceived++;
        congestion.onLoss(losses);
        for (int i = 0; i < losses.length; i++) {
            int first = losses[i] & SequenceNumbers.MAX;
            int last = (losses[i] & NakPacket.RANGE_START) != 0 ? losses[++i] : first;
            if (SequenceNumbers.compare(last, sendLastAck) < 0) {
                continue;
            }
            if (SequenceNumbers.compare(first, sendLastAck) < 0) {
                first = sendLastAck;
            }
            int added = sendLoss.addRange(first, last);
            packetsSendLoss += added;
        }
        trySend();
    }

    private void onAck2(Ack2Packet ack2, long now) {
        long sample = ackHistory.acknowledge(ack2.ackNumber(), now, ackedSequence);
        if (sample <= 0) {
            return;
        }
        int roundTrip = (int) Math.min(sample, Integer.MAX_VALUE);
        rttVariance = (rttVariance * 3 + Math.abs(roundTrip - rtt)) >> 2;
        rtt = (rtt * 7 + roundTrip) >> 3;
        if (SequenceNumbers.compare(ackedSequence[0], receiveLastAckAck) > 0) {
            receiveLastAckAck = ackedSequence[0];
        }
    }

    /** The endpoint finished a batch of datagrams. */
    void wakeReaders() {
        readersToWake = false;
        receiveBuffer.publish();
    }

    // ---------------------------------------------------------------- acknowledgements and losses

    private void sendLightAck(long now) {
        if (receiveNext == receiveLastAckAck) {
            return;
        }
        send(AckPacket.light(timestamp(now), peerSocketId, receiveNext));
    }

    /** A full ACK when there is news for the sender; {@code force} sends one to advertise a reopened window. */
    private void sendFullAck(long now, boolean force) {
        int ack = receiveNext;
        if (SequenceNumbers.compare(ack, receiveLastAck) > 0) {
            receiveLastAck = ack;
        } else if (!force && (ack == receiveLastAckAck || ack != receiveLastAck
                || now - lastFullAckMicros < rtt + 4L * rttVariance)) {
            return;
        }
        ackNumber = ackNumber == SequenceNumbers.MAX ? 1 : ackNumber + 1;
        int queued = receiveBuffer.size();
        if (receiveBuffer.isNearlyFull(queued)) {
            receiveBuffer.markNearlyFull();
        }
        int available = Math.max(2, receiveBuffer.capacity() - queued);
        AckPacket packet;
        if (now - lastFullAckMicros > SYN_MICROS) {
            packet = new AckPacket(timestamp(now), peerSocketId, ackNumber, ack, rtt, rttVariance, available,
                    arrivals.receiveRate(), arrivals.bandwidth(), AckPacket.FULL);
            lastFullAckMicros = now;
        } else {
            packet = new AckPacket(timestamp(now), peerSocketId, ackNumber, ack, rtt, rttVariance, available,
                    0, 0, AckPacket.WITHOUT_RATES);
        }
        send(packet);
        ackHistory.store(ackNumber, ack, now);
        acksSent++;
    }

    private void sendNak(int[] losses, long now) {
        send(new NakPacket(timestamp(now), peerSocketId, losses));
        naksSent++;
    }

    private int nakInterval() {
        return Math.max(rtt + 4 * rttVariance, 3 * SYN_MICROS);
    }

    /** The reader took packets from a nearly full buffer: tell the sender at once that the window opened. */
    private void onReceiveSpaceFreed() {
        executeIfRunning(() -> {
            try {
                if (state == State.CONNECTED) {
                    sendFullAck(endpoint.nowMicros(), true);
                }
            } catch (RuntimeException e) {
                endpoint.onHandlerFailure(e);
            }
        });
    }

    // ---------------------------------------------------------------- sending

    /**
     * Called by writers after they appended data: wakes the sender only if it ran dry, so a
     * busy sender costs writers no cross-thread wake-ups.
     */
    void requestSend() {
        if (awaitingData && sendRequested.compareAndSet(false, true)) {
            executeIfRunning(() -> {
                sendRequested.set(false);
                trySend();
            });
        }
    }

    /** Hands {@code task} to the loop from an application thread; a closed endpoint has nothing left to do. */
    private void executeIfRunning(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The endpoint shut its event loop down; the buffers already report the closed connection.
        }
    }

    /**
     * Sends what pacing allows now: a burst of up to {@value #MAX_BURST} packets, credited by
     * the time elapsed at the controller's period, then one flush and a timer for the next.
     */
    void trySend() {
        try {
            sendBurst();
        } catch (RuntimeException e) {
            // A bug must not kill the event loop nor leak the burst's buffers.
            burst.discard();
            endpoint.onHandlerFailure(e);
        }
    }

    private void sendBurst() {
        if (state != State.CONNECTED || wakeScheduled) {
            return;
        }
        long now = endpoint.nowMicros();
        double period = sendPeriod();
        nextSendMicros = Math.max(nextSendMicros, now - MAX_BURST * period);
        if (nextSendMicros > now) {
            scheduleWake(now);
            return;
        }
        int sent = 0;
        boolean more = true;
        while (sent < MAX_BURST && nextSendMicros <= now) {
            if (!channel.isWritable()) {
                more = false; // resumed by onWritable
                break;
            }
            int result = sendNextPacket(now);
            if (result == NOTHING) {
                more = false;
                break;
            }
            sent++;
            if (result != PROBE) {
                nextSendMicros += period;
            }
        }
        if (!burst.isEmpty()) {
            burst.writeTo(channel);
        }
        if (more) {
            scheduleWake(now);
        }
    }

    void onWritable() {
        trySend();
    }

    private void scheduleWake(long now) {
        long delay = (long) Math.ceil(nextSendMicros - now);
        wakeScheduled = true;
        Runnable wake = () -> {
            wakeScheduled = false;
            trySend();
        };
        if (delay <= 0) {
            // Still behind after a full burst: continue once the loop has served its reads.
            loop.execute(wake);
        } else {
            // Not sooner than MIN_WAKE: a timer per packet costs more than the burst that catches up.
            loop.schedule(wake, Math.max(delay, MIN_WAKE_MICROS), TimeUnit.MICROSECONDS);
        }
    }

    private double sendPeriod() {
        double period = congestion.packetSendPeriodMicros();
        long cap = options.maxBandwidthBytesPerSecond();
        if (cap > 0) {
            period = Math.max(period, 1_000_000.0 * mss / cap);
        }
        return period;
    }

    private static final int NOTHING = 0;
    private static final int SENT = 1;
    private static final int PROBE = 2;

    private int sendNextPacket(long now) {
        int lost;
        while ((lost = sendLoss.first(sendLastDataAck)) >= 0) {
            sendLoss.remove(lost);
            int offset = SequenceNumbers.offset(sendLastDataAck, lost);
            if (sendBuffer.payloadLength(offset) >= 0) {
                writeData(lost, offset, now);
                packetsRetransmitted++;
                metrics.packetsRetransmitted.increment();
                congestion.onPacketSent(lost, true);
                return SENT;
            }
        }
        int window = Math.min(peerFlowWindow, (int) congestion.congestionWindowPackets());
        int next = SequenceNumbers.increment(sendCurrent);
        if (SequenceNumbers.length(sendLastAck, next) > window) {
            return NOTHING;
        }
        int offset = SequenceNumbers.offset(sendLastDataAck, next);
        if (sendBuffer.payloadLength(offset) < 0) {
            // Announce the wait before looking again, so a writer appending meanwhile sees it.
            awaitingData = true;
            if (sendBuffer.payloadLength(offset) < 0) {
                return NOTHING;
            }
        }
        awaitingData = false;
        sendCurrent = next;
        bytesSent += writeData(next, offset, now);
        congestion.onPacketSent(next, false);
        // Every 16th packet starts a pair sent back to back, for the receiver's capacity estimate.
        return (next & 0xF) == 0 ? PROBE : SENT;
    }

    /** Stamps the header of the packet {@code offset} after the oldest unacknowledged one and adds it to the burst; returns its payload length. */
    private int writeData(int sequence, int offset, long now) {
        int slot = sendBuffer.slot(offset);
        int length = sendBuffer.payloadLength(offset);
        ByteBuf buffer = sendBuffer.segmentBuffer(slot);
        int index = sendBuffer.indexOf(slot);
        int messageWord = DataPacket.SOLO | (sequence % DataPacket.MAX_MESSAGE_NUMBER + 1);
        UdtPacketEncoder.setDataHeader(buffer, index, sequence, messageWord, timestamp(now), peerSocketId);
        burst.add(buffer, index, UdtPacket.HEADER_SIZE + length);
        packetsSent++;
        return length;
    }

    private void send(UdtPacket packet) {
        channel.writeAndFlush(new DefaultAddressedEnvelope<>(packet, peer), channel.voidPromise());
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
            if (now >= nextAckMicros) {
                sendFullAck(now, false);
                nextAckMicros = now + SYN_MICROS;
                packetsSinceAck = 0;
                lightAcks = 1;
            }
            if (now >= nextNakMicros) {
                if (!receiveLoss.isEmpty()) {
                    sendNak(receiveLoss.compressed(receiveNext, payloadSize / 4), now);
                }
                nextNakMicros = now + nakInterval();
            }
            checkExpiration(now);
        } catch (RuntimeException e) {
            endpoint.onHandlerFailure(e);
        }
    }

    private void checkExpiration(long now) {
        long interval = Math.max(expirations * (rtt + 4L * rttVariance) + SYN_MICROS,
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
        if (sendBuffer.size() > 0) {
            if (SequenceNumbers.increment(sendCurrent) != sendLastAck && sendLoss.isEmpty()) {
                // Resend everything unacknowledged: the peer's ACKs or our data went missing.
                packetsSendLoss += sendLoss.addRange(sendLastAck, sendCurrent);
            }
            congestion.onTimeout();
            trySend();
        } else {
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
        metrics.packetsSent.add(packetsSent - publishedPacketsSent);
        metrics.packetsReceived.add(packetsReceived - publishedPacketsReceived);
        metrics.bytesSent.add(bytesSent - publishedBytesSent);
        metrics.bytesReceived.add(bytesReceived - publishedBytesReceived);
        publishedPacketsSent = packetsSent;
        publishedPacketsReceived = packetsReceived;
        publishedBytesSent = bytesSent;
        publishedBytesReceived = bytesReceived;
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

    // ---------------------------------------------------------------- statistics and context

    UdtStats stats() {
        long now = endpoint.nowMicros();
        double seconds = Math.max(1e-6, (now - lastStatsMicros) / 1e6);
        double sendMbps = (bytesSent - bytesSentAtLastStats) * 8 / seconds / 1e6;
        double receiveMbps = (bytesReceived - bytesReceivedAtLastStats) * 8 / seconds / 1e6;
        lastStatsMicros = now;
        bytesSentAtLastStats = bytesSent;
        bytesReceivedAtLastStats = bytesReceived;
        int inFlight = state == State.CONNECTED
                ? Math.max(0, SequenceNumbers.offset(sendLastAck, SequenceNumbers.increment(sendCurrent))) : 0;
        return new UdtStats((now - establishedMicros) / 1000, packetsSent, packetsReceived, packetsSendLoss,
                packetsReceiveLoss, packetsRetransmitted, acksSent, acksReceived, naksSent, naksReceived,
                packetsDropped, bytesSent, bytesReceived, sendMbps, receiveMbps, rtt / 1000.0,
                bandwidth * (double) payloadSize * 8 / 1e6, peerFlowWindow,
                congestion.congestionWindowPackets(), inFlight, congestion.packetSendPeriodMicros());
    }

    private void dropped() {
        packetsDropped++;
        metrics.rejected.increment();
    }

    private int timestamp(long now) {
        return (int) (now - startMicros);
    }

    private static void releaseIfData(UdtPacket packet) {
        if (packet instanceof DataPacket data) {
            data.release();
        }
    }

    @Override
    public int mss() {
        return mss;
    }

    @Override
    public int maxCongestionWindow() {
        return peerFlowWindow;
    }

    @Override
    public int sendCurrentSequence() {
        return sendCurrent;
    }

    @Override
    public int rttMicros() {
        return rtt;
    }

    @Override
    public int rttVarianceMicros() {
        return rttVariance;
    }

    @Override
    public int receiveRate() {
        return deliveryRate;
    }

    @Override
    public int bandwidth() {
        return bandwidth;
    }

    @Override
    public long nowMicros() {
        return endpoint.nowMicros();
    }
}
