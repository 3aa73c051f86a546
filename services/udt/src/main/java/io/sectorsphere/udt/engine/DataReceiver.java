package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.packet.Ack2Packet;
import io.sectorsphere.udt.packet.AckPacket;
import io.sectorsphere.udt.packet.DataPacket;
import io.sectorsphere.udt.packet.NakPacket;

/**
 * A connection's receiving half: files arriving data into the {@link ReceiveBuffer}, reports gaps
 * at once and again on the NAK timer, and acknowledges: a light ACK every
 * {@value #LIGHT_ACK_PACKETS} packets, a full ACK (RTT, free buffer, receive rate, link capacity)
 * every SYN, whose ACK2 gives a round-trip sample. Confined to the event loop.
 */
final class DataReceiver {

    private static final int LIGHT_ACK_PACKETS = 64;

    private final UdtConnection connection;
    private final NettyUdtEndpoint endpoint;
    private final EndpointMetrics metrics;
    private final RoundTripEstimate roundTrip;
    private final ReceiveBuffer receiveBuffer;
    private final SequenceLossList receiveLoss;
    private final AckHistory ackHistory = new AckHistory();
    private final int[] ackedSequence = new int[1];
    private ArrivalHistory arrivals;

    private int payloadSize;
    private int receiveNext;
    private int receiveCurrent;
    private int receiveLastAck;
    private int receiveLastAckAck;
    private int ackNumber;
    private long lastFullAckMicros;
    private int packetsSinceAck;
    private int lightAcks = 1;
    private long nextAckMicros;
    private long nextNakMicros;
    /** Data was delivered during the current batch of datagrams; readers are woken at its end. */
    private boolean readersToWake;

    private long packetsReceived;
    private long packetsReceiveLoss;
    private long packetsDropped;
    private long acksSent;
    private long naksSent;
    private long bytesReceived;

    DataReceiver(UdtConnection connection, NettyUdtEndpoint endpoint, RoundTripEstimate roundTrip,
                 ReceiveBuffer receiveBuffer, int receiveBufferPackets) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.metrics = endpoint.metrics();
        this.roundTrip = roundTrip;
        this.receiveBuffer = receiveBuffer;
        this.receiveLoss = new SequenceLossList(receiveBufferPackets);
    }

    /** The connection is established: data starts at {@code initialSequence}. */
    void start(int negotiatedPayloadSize, int initialSequence, long now) {
        payloadSize = negotiatedPayloadSize;
        receiveBuffer.open(payloadSize);
        receiveNext = initialSequence;
        receiveCurrent = SequenceNumbers.decrement(initialSequence);
        receiveLastAck = initialSequence;
        receiveLastAckAck = initialSequence;
        arrivals = new ArrivalHistory(now);
        nextAckMicros = now + UdtConnection.SYN_MICROS;
        nextNakMicros = now + nakInterval();
    }

    /** Keeps the payload's bytes (the caller releases it) unless the packet is a duplicate or out of window. */
    void onData(DataPacket data, long now) {
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
            return;
        }
        receiveBuffer.store(offset, payload);
        bytesReceived += payload.readableBytes();
        if (offset == 0) {
            receiveNext = SequenceNumbers.increment(receiveNext, receiveBuffer.deliver());
            if (!readersToWake) {
                readersToWake = true;
                endpoint.wakeReadersAfterThisBatch(connection);
            }
        }
        if (++packetsSinceAck >= LIGHT_ACK_PACKETS * lightAcks) {
            sendLightAck(now);
            lightAcks++;
        }
    }

    void onAck2(Ack2Packet ack2, long now) {
        long sample = ackHistory.acknowledge(ack2.ackNumber(), now, ackedSequence);
        if (sample <= 0) {
            return;
        }
        roundTrip.sample((int) Math.min(sample, Integer.MAX_VALUE));
        if (SequenceNumbers.compare(ackedSequence[0], receiveLastAckAck) > 0) {
            receiveLastAckAck = ackedSequence[0];
        }
    }

    /** The endpoint finished a batch of datagrams. */
    void wakeReaders() {
        readersToWake = false;
        receiveBuffer.publish();
    }

    /**
     * The SYN timer: readers woken for what arrived, a full ACK each SYN, the loss list again each
     * NAK interval. The next due times are set half a tick early: the timer runs at a fixed rate
     * but each tick a little late, and a tick less late than the one before would otherwise find
     * its ACK not yet due and halve the ACK clock.
     */
    void onTimer(long now) {
        receiveBuffer.publishAll();
        if (now >= nextAckMicros) {
            sendFullAck(now, false);
            nextAckMicros = now + UdtConnection.SYN_MICROS / 2;
            packetsSinceAck = 0;
            lightAcks = 1;
        }
        if (now >= nextNakMicros) {
            if (!receiveLoss.isEmpty()) {
                sendNak(receiveLoss.compressed(receiveNext, payloadSize / 4), now);
            }
            nextNakMicros = now + nakInterval() - UdtConnection.SYN_MICROS / 2;
        }
    }

    private void sendLightAck(long now) {
        if (receiveNext == receiveLastAckAck) {
            return;
        }
        connection.send(AckPacket.light(connection.timestamp(now), connection.peerSocketId(), receiveNext));
    }

    /** A full ACK when there is news for the sender; {@code force} sends one to advertise a reopened window. */
    void sendFullAck(long now, boolean force) {
        int ack = receiveNext;
        if (SequenceNumbers.compare(ack, receiveLastAck) > 0) {
            receiveLastAck = ack;
        } else if (!force && (ack == receiveLastAckAck || ack != receiveLastAck
                || now - lastFullAckMicros < roundTrip.timeoutMicros())) {
            return;
        }
        ackNumber = ackNumber == SequenceNumbers.MAX ? 1 : ackNumber + 1;
        int queued = receiveBuffer.size();
        if (receiveBuffer.isNearlyFull(queued)) {
            receiveBuffer.markNearlyFull();
        }
        int available = Math.max(2, receiveBuffer.capacity() - queued);
        int timestamp = connection.timestamp(now);
        int rtt = roundTrip.rttMicros();
        int variance = roundTrip.varianceMicros();
        AckPacket packet;
        if (now - lastFullAckMicros > UdtConnection.SYN_MICROS) {
            packet = new AckPacket(timestamp, connection.peerSocketId(), ackNumber, ack, rtt, variance, available,
                    arrivals.receiveRate(), arrivals.bandwidth(), AckPacket.FULL);
            lastFullAckMicros = now;
        } else {
            packet = new AckPacket(timestamp, connection.peerSocketId(), ackNumber, ack, rtt, variance, available,
                    0, 0, AckPacket.WITHOUT_RATES);
        }
        connection.send(packet);
        ackHistory.store(ackNumber, ack, now);
        acksSent++;
    }

    private void sendNak(int[] losses, long now) {
        connection.send(new NakPacket(connection.timestamp(now), connection.peerSocketId(), losses));
        naksSent++;
    }

    private int nakInterval() {
        return (int) Math.max(roundTrip.timeoutMicros(), 3L * UdtConnection.SYN_MICROS);
    }

    // ---------------------------------------------------------------- statistics

    long packetsReceived() {
        return packetsReceived;
    }

    long packetsReceiveLoss() {
        return packetsReceiveLoss;
    }

    long packetsDropped() {
        return packetsDropped;
    }

    long acksSent() {
        return acksSent;
    }

    long naksSent() {
        return naksSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }
}
