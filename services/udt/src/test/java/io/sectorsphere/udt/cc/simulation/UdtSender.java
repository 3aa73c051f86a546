package io.sectorsphere.udt.cc.simulation;

import io.sectorsphere.udt.cc.CongestionContext;
import io.sectorsphere.udt.cc.CongestionControl;
import java.util.TreeSet;

/**
 * UDT's sender side driving a {@link CongestionControl} as the engine does: always has data,
 * sends retransmissions first, new packets only while the unacknowledged count is below
 * min(flow window, congestion window), paces by the send period except that every 16th packet
 * is followed at once by the next (UDT's packet pair), and on EXP expiry re-sends everything
 * unacknowledged and calls {@code onTimeout}. As our engine does, a light ACK only moves the
 * window, and {@code onAck} comes with a full ACK that acknowledges new data; RTT, receive rate
 * and bandwidth are smoothed from such ACKs starting from UDT 4.11's initial values (100 ms RTT,
 * 16 packets/s, 1 packet/s).
 */
final class UdtSender implements CongestionContext, SimulatedFlow {

    static final int FLOW_WINDOW = 25_600;
    private static final long MIN_EXP_NANOS = 300_000_000;

    private final EventLoop loop;
    private final Bottleneck link;
    private final CongestionControl control;
    private final UdtReceiver receiver;
    private final TreeSet<Integer> lossList = new TreeSet<>();
    private int nextNew;
    private int lastAck;
    /** Light ACKs move {@link #lastAck} but not this: only full ACKs update estimates and the controller. */
    private int lastFullAck;
    private long nextSendNanos;
    private boolean sendScheduled;
    private long lastResponseNanos;
    private int expCount = 1;
    private int rttMicros = 100_000;
    private int rttVarianceMicros = 50_000;
    private int receiveRate = 16;
    private int bandwidth = 1;

    UdtSender(EventLoop loop, Bottleneck link, CongestionControl control, int firstSequence, long readIntervalNanos) {
        this.loop = loop;
        this.link = link;
        this.control = control;
        this.nextNew = firstSequence;
        this.lastAck = firstSequence;
        this.lastFullAck = firstSequence;
        this.receiver = new UdtReceiver(loop, link, firstSequence, readIntervalNanos);
    }

    @Override
    public void start() {
        receiver.connect(this);
        control.init(this);
        lastResponseNanos = loop.nowNanos();
        loop.every(UdtReceiver.SYN_NANOS, this::checkExpiry);
        wake();
    }

    @Override
    public long deliveredPackets() {
        return receiver.deliveredPackets();
    }

    void onFullAck(int ack, int ackId, int peerRtt, int peerRttVariance, int rate, int peerBandwidth) {
        lastResponseNanos = loop.nowNanos();
        expCount = 1;
        link.sendControl(() -> receiver.onAck2(ackId));
        if (ack <= lastFullAck) {
            return;
        }
        lastFullAck = ack;
        rttVarianceMicros = (rttVarianceMicros * 3 + Math.abs(peerRtt - rttMicros)) >> 2;
        rttMicros = (rttMicros * 7 + peerRtt) >> 3;
        if (rate > 0) {
            receiveRate = (receiveRate * 7 + rate) >> 3;
        }
        if (peerBandwidth > 0) {
            bandwidth = (bandwidth * 7 + peerBandwidth) >> 3;
        }
        acknowledge(ack);
        control.onAck(ack);
    }

    void onLightAck(int ack) {
        lastResponseNanos = loop.nowNanos();
        acknowledge(ack);
    }

    void onNak(int[] lossListReport) {
        lastResponseNanos = loop.nowNanos();
        for (int i = 0; i < lossListReport.length; i++) {
            int first = lossListReport[i] & Integer.MAX_VALUE;
            int last = lossListReport[i] < 0 ? lossListReport[++i] : first;
            for (int sequence = Math.max(first, lastAck); sequence <= last && sequence < nextNew; sequence++) {
                lossList.add(sequence);
            }
        }
        control.onLoss(lossListReport);
        wake();
    }

    private void acknowledge(int ack) {
        if (ack > lastAck) {
            lastAck = ack;
            lossList.headSet(ack).clear();
        }
        wake();
    }

    private void checkExpiry() {
        long now = loop.nowNanos();
        long interval = Math.max(expCount * (rttMicros + 4L * rttVarianceMicros) * 1000 + UdtReceiver.SYN_NANOS,
                expCount * MIN_EXP_NANOS);
        if (nextNew == lastAck || now - lastResponseNanos < interval) {
            return;
        }
        if (lossList.isEmpty()) {
            for (int sequence = lastAck; sequence < nextNew; sequence++) {
                lossList.add(sequence);
            }
        }
        control.onTimeout();
        expCount++;
        lastResponseNanos = now;
        wake();
    }

    private void wake() {
        if (!sendScheduled) {
            sendScheduled = true;
            loop.at(nextSendNanos, this::sendOne);
        }
    }

    private void sendOne() {
        sendScheduled = false;
        Integer retransmission = lossList.pollFirst();
        int sequence;
        if (retransmission != null) {
            sequence = retransmission;
        } else {
            double window = Math.min(FLOW_WINDOW, control.congestionWindowPackets());
            if (nextNew - lastAck >= window) {
                return;
            }
            sequence = nextNew++;
        }
        control.onPacketSent(sequence, retransmission != null);
        link.send(() -> receiver.onData(sequence));
        boolean probePair = retransmission == null && (sequence & 0xF) == 0;
        long gapNanos = probePair ? 0 : (long) (control.packetSendPeriodMicros() * 1000);
        nextSendNanos = loop.nowNanos() + Math.max(0, gapNanos);
        wake();
    }

    @Override
    public int mss() {
        return LinkSpec.PACKET_BYTES;
    }

    @Override
    public int maxCongestionWindow() {
        return FLOW_WINDOW;
    }

    @Override
    public int sendCurrentSequence() {
        return nextNew - 1;
    }

    @Override
    public int rttMicros() {
        return rttMicros;
    }

    @Override
    public int rttVarianceMicros() {
        return rttVarianceMicros;
    }

    @Override
    public int receiveRate() {
        return receiveRate;
    }

    @Override
    public int bandwidth() {
        return bandwidth;
    }

    @Override
    public long nowMicros() {
        return loop.nowNanos() / 1000;
    }
}
