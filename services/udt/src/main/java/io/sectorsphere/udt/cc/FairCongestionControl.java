package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;

/**
 * The default controller: behaves on the link as one TCP CUBIC flow would, so that our flows share
 * a bottleneck equally with each other and with TCP, while pacing instead of bursting.
 *
 * <p>Why this design: UDT 4.11's DAIMD increases by an amount derived from the estimated spare
 * capacity, independent of RTT, and decreases by only 1/8 per congestion epoch, so against a TCP
 * flow that halves (CUBIC: to 0.7) it takes most of the link. Matching TCP's own response makes
 * the sharing fair by construction: the window grows as CUBIC's does (slow start, then the cubic
 * curve with the TCP-friendly floor and fast convergence, which also brings two of our flows to
 * equal shares) and is cut to 0.7 once per congestion epoch (the first NAK reporting a packet sent
 * after the previous cut, UDT's epoch rule; NAKs that repeat older losses are ignored). A UDT sender has no ACK clock, so the window is turned into
 * a send rate of one window per smoothed RTT; since that RTT includes the queue, a growing queue
 * slows us exactly as it slows a window-limited TCP sender. CUBIC's β = 0.7 keeps a drop-tail
 * queue of one BDP from draining after a cut, which is what fills a clean long link.
 *
 * <p>Slow start ends at the first loss with the window the link actually carried (the receive
 * rate times the RTT) rather than the overshoot slow start reached, which avoids a second round
 * of losses. The engine's cap on unacknowledged packets is set to three windows: packets behind a
 * hole stay unacknowledged for a round trip, and the pacing rate, not this cap, is the control.
 * The window does not grow while the sender did not use it (the application or the peer's flow
 * window held it back, see {@link SendLimitMeter}): a window never tried says nothing about the
 * path, and would later be released as a burst.
 */
public final class FairCongestionControl implements CongestionControl {

    private static final double INITIAL_WINDOW = 16;
    /** Unacknowledged packets allowed per window of rate, see the class comment. */
    private static final double WINDOW_CAP_FACTOR = 3;
    private static final double CAP_SLACK_PACKETS = 16;

    private final SendLimitMeter sendLimit = new SendLimitMeter();
    private CongestionContext context;
    private CubicWindow cubic;
    private boolean slowStart;
    private int lastAck;
    private int lastDecreaseSequence;
    private long sendLimitIntervalStartMicros;

    @Override
    public String name() {
        return "fair";
    }

    @Override
    public void init(CongestionContext context) {
        this.context = context;
        cubic = new CubicWindow(INITIAL_WINDOW);
        slowStart = true;
        lastAck = SequenceNumbers.increment(context.sendCurrentSequence());
        lastDecreaseSequence = context.sendCurrentSequence();
        sendLimitIntervalStartMicros = context.nowMicros();
    }

    @Override
    public void onAck(int ackSequence) {
        int acknowledged = SequenceNumbers.offset(lastAck, ackSequence);
        if (acknowledged <= 0) {
            return;
        }
        lastAck = ackSequence;
        long now = context.nowMicros();
        sendLimit.accrue(now, packetSendPeriodMicros());
        if (now - sendLimitIntervalStartMicros >= context.rttMicros()) {
            sendLimit.endInterval();
            sendLimitIntervalStartMicros = now;
        }
        if (sendLimit.lastIntervalLimited()) {
            return;
        }
        if (slowStart) {
            cubic.add(acknowledged);
            if (cubic.window() >= context.maxCongestionWindow()) {
                slowStart = false;
            }
        } else {
            cubic.grow(now, acknowledged, context.rttMicros());
        }
        cubic.limit(context.maxCongestionWindow());
    }

    @Override
    public void onLoss(int[] lossList) {
        if (lossList.length == 0) {
            return;
        }
        // The newest loss decides: a repeated NAK starts with old losses but may carry new ones.
        int newestLost = lossList[lossList.length - 1] & SequenceNumbers.MAX;
        if (SequenceNumbers.compare(newestLost, lastDecreaseSequence) <= 0) {
            return;
        }
        lastDecreaseSequence = context.sendCurrentSequence();
        double windowAtLoss = cubic.window();
        if (slowStart) {
            slowStart = false;
            if (context.receiveRate() > 0) {
                windowAtLoss = Math.min(windowAtLoss, context.receiveRate() * (double) context.rttMicros() / 1e6);
            }
        }
        cubic.reduce(windowAtLoss);
    }

    @Override
    public void onPacketSent(int sequence, boolean retransmission) {
        sendLimit.onSent();
        sendLimit.accrue(context.nowMicros(), packetSendPeriodMicros());
    }

    @Override
    public void onTimeout() {
        slowStart = false;
        cubic.reduce(cubic.window());
    }

    @Override
    public double packetSendPeriodMicros() {
        return PacketPairPacing.periodMicros(cubic.window() * 1e6 / Math.max(1, context.rttMicros()));
    }

    @Override
    public double congestionWindowPackets() {
        return cubic.window() * WINDOW_CAP_FACTOR + CAP_SLACK_PACKETS;
    }
}
