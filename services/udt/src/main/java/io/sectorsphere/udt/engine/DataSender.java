package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.UdtSocketOptions;
import io.sectorsphere.udt.cc.CongestionContext;
import io.sectorsphere.udt.cc.CongestionControl;
import io.sectorsphere.udt.packet.Ack2Packet;
import io.sectorsphere.udt.packet.AckPacket;
import io.sectorsphere.udt.packet.DataPacket;
import io.sectorsphere.udt.packet.NakPacket;
import io.sectorsphere.udt.packet.UdtPacket;
import io.sectorsphere.udt.packet.UdtPacketEncoder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection's sending half: paces data out of the {@link SendBuffer} at the controller's
 * period, resends what the peer reported lost, and frees what it acknowledged. Confined to the
 * event loop, except {@link #requestSend}, which writers call.
 */
final class DataSender implements CongestionContext {

    private static final int MAX_BURST = 64;
    /**
     * Packets of pacing credit a loop that was held up may catch up on, in bursts of
     * {@value #MAX_BURST}: a loop descheduled for a few milliseconds on a busy host would
     * otherwise lose that time's allowance, and a 1 Gb/s flow its rate.
     */
    private static final int MAX_CATCH_UP = 4 * MAX_BURST;
    private static final long MIN_WAKE_MICROS = 200;
    private static final int NOTHING = 0;
    private static final int SENT = 1;
    private static final int PROBE = 2;

    private final UdtConnection connection;
    private final Channel channel;
    private final EventLoop loop;
    private final EndpointMetrics metrics;
    private final UdtSocketOptions options;
    private final CongestionControl congestion;
    private final RoundTripEstimate roundTrip;
    private final SendBuffer sendBuffer;
    private final SequenceLossList sendLoss;
    /** The packets of the burst being paced out, sent together at its end. */
    private final DataBurst burst;
    private final AtomicBoolean sendRequested = new AtomicBoolean();
    /** Set by the loop when it ran out of data to send, so writers wake it only then. */
    private volatile boolean awaitingData = true;

    private int mss;
    private int peerFlowWindow;
    private int sendLastAck;
    private int sendLastDataAck;
    private int sendCurrent;
    private int lastAck2Number = -1;
    private long lastAck2Micros;
    private double nextSendMicros;
    private boolean wakeScheduled;
    private int deliveryRate = 16;
    private int bandwidth = 1;

    private long packetsSent;
    private long packetsSendLoss;
    private long packetsRetransmitted;
    private long acksReceived;
    private long naksReceived;
    private long bytesSent;

    DataSender(UdtConnection connection, NettyUdtEndpoint endpoint, CongestionControl congestion,
               RoundTripEstimate roundTrip, SendBuffer sendBuffer) {
        this.connection = connection;
        this.channel = endpoint.channel();
        this.loop = channel.eventLoop();
        this.metrics = endpoint.metrics();
        this.options = connection.options();
        this.congestion = congestion;
        this.roundTrip = roundTrip;
        this.sendBuffer = sendBuffer;
        this.sendLoss = new SequenceLossList(options.sendBufferPackets());
        this.burst = new DataBurst(endpoint.segmentedDatagrams(), connection.peer());
    }

    /** The connection is established: data starts at {@code initialSequence}. */
    void start(int negotiatedMss, int initialSequence, int flowWindow, long now) {
        mss = negotiatedMss;
        peerFlowWindow = flowWindow;
        sendCurrent = SequenceNumbers.decrement(initialSequence);
        sendLastAck = initialSequence;
        sendLastDataAck = initialSequence;
        nextSendMicros = now;
        congestion.init(this);
    }

    // ---------------------------------------------------------------- feedback

    void onAck(AckPacket ack, long now) {
        int next = ack.nextExpectedSequence();
        if (SequenceNumbers.compare(next, SequenceNumbers.increment(sendCurrent)) > 0) {
            // Acknowledges data never sent: forged or broken. 4.11 breaks the connection; we ignore it.
            connection.dropped();
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
        if (now - lastAck2Micros > UdtConnection.SYN_MICROS || ack.ackNumber() == lastAck2Number) {
            connection.send(new Ack2Packet(connection.timestamp(now), connection.peerSocketId(), ack.ackNumber()));
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
        sendBuffer.limitToWindow(Math.min(peerFlowWindow, (int) congestion.congestionWindowPackets()));
        sendBuffer.acknowledge(newlyAcked);
        sendLoss.removeBefore(sendLastDataAck, next);
        sendLastDataAck = next;
        if (ack.rttMicros() > 0) {
            roundTrip.sample(ack.rttMicros());
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

    void onNak(NakPacket nak) {
        int[] losses = nak.lossList();
        // Validate all before acting: a range must not be inverted nor reach past what was sent.
        for (int i = 0; i < losses.length; i++) {
            int first = losses[i] & SequenceNumbers.MAX;
            int last = (losses[i] & NakPacket.RANGE_START) != 0 ? losses[++i] : first;
            if (SequenceNumbers.compare(first, last) > 0 || SequenceNumbers.compare(last, sendCurrent) > 0) {
                connection.dropped();
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
            packetsSendLoss += sendLoss.addRange(first, last);
        }
        trySend();
    }

    /** Nothing was heard for a while: resend everything unacknowledged. False when nothing is waiting for an ACK. */
    boolean onTimeout() {
        if (sendBuffer.size() == 0) {
            return false;
        }
        if (SequenceNumbers.increment(sendCurrent) != sendLastAck && sendLoss.isEmpty()) {
            // The peer's ACKs or our data went missing.
            packetsSendLoss += sendLoss.addRange(sendLastAck, sendCurrent);
        }
        congestion.onTimeout();
        trySend();
        return true;
    }

    // ---------------------------------------------------------------- sending

    /**
     * Called by writers after they appended data: wakes the sender only if it ran dry, so a
     * busy sender costs writers no cross-thread wake-ups.
     */
    void requestSend() {
        if (awaitingData && sendRequested.compareAndSet(false, true)) {
            connection.executeIfRunning(() -> {
                sendRequested.set(false);
                trySend();
            });
        }
    }

    /**
     * Sends what pacing allows now: a burst of up to {@value #MAX_BURST} packets, credited by
     * the time elapsed at the controller's period (up to {@value #MAX_CATCH_UP} packets behind),
     * then one flush and a timer for the next.
     */
    void trySend() {
        try {
            sendBurst();
        } catch (RuntimeException e) {
            // A bug must not kill the event loop nor leak the burst's buffers.
            burst.discard();
            connection.onFailure(e);
        }
    }

    private void sendBurst() {
        if (connection.state() != UdtConnection.State.CONNECTED || wakeScheduled) {
            return;
        }
        long now = connection.nowMicros();
        double period = sendPeriod();
        nextSendMicros = Math.max(nextSendMicros, now - MAX_CATCH_UP * period);
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

    /**
     * Stamps the header of the packet {@code offset} after the oldest unacknowledged one in place
     * and adds it to the burst; returns its payload length.
     */
    private int writeData(int sequence, int offset, long now) {
        int slot = sendBuffer.slot(offset);
        int length = sendBuffer.payloadLength(offset);
        ByteBuf buffer = sendBuffer.segmentBuffer(slot);
        int index = sendBuffer.indexOf(slot);
        int messageWord = DataPacket.SOLO | (sequence % DataPacket.MAX_MESSAGE_NUMBER + 1);
        UdtPacketEncoder.setDataHeader(buffer, index, sequence, messageWord, connection.timestamp(now),
                connection.peerSocketId());
        burst.add(buffer, index, UdtPacket.HEADER_SIZE + length);
        packetsSent++;
        return length;
    }

    // ---------------------------------------------------------------- statistics and context

    long packetsSent() {
        return packetsSent;
    }

    long packetsSendLoss() {
        return packetsSendLoss;
    }

    long packetsRetransmitted() {
        return packetsRetransmitted;
    }

    long acksReceived() {
        return acksReceived;
    }

    long naksReceived() {
        return naksReceived;
    }

    long bytesSent() {
        return bytesSent;
    }

    int peerFlowWindow() {
        return peerFlowWindow;
    }

    /** Packets sent and not yet acknowledged. */
    int inFlight() {
        return Math.max(0, SequenceNumbers.offset(sendLastAck, SequenceNumbers.increment(sendCurrent)));
    }

    double congestionWindowPackets() {
        return congestion.congestionWindowPackets();
    }

    double packetSendPeriodMicros() {
        return congestion.packetSendPeriodMicros();
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
        return roundTrip.rttMicros();
    }

    @Override
    public int rttVarianceMicros() {
        return roundTrip.varianceMicros();
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
        return connection.nowMicros();
    }
}
