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
 * after the previous cut, UDT's epoch rule; NAKs that repeat older losses are ignored). CUBIC's
 * β = 0.7 keeps a drop-tail queue of one BDP from draining after a cut, which is what fills a
 * clean long link.
 *
 * <p>Unlike CUBIC, a loss is a congestion event only when it comes with a queue or the losses
 * are heavy ({@link CongestionLossJudge}: the round trip stood half the minimum and 10 ms above
 * it, or more than 1 % of the packets sent since the last judgement were lost). Random loss on
 * the line then costs nothing: at 0.1 % on a 1 Gb/s, 55 ms path CUBIC is cut every round trip
 * and carries a few per cent of the link. Where losses do mean congestion, with our flows or TCP
 * sharing a drop-tail queue of half a BDP or more, the queue is full when they happen, so the
 * response, and the sharing, is CUBIC's. On a lossy path alone, the window grows until a queue of
 * half the minimum round trip stands, and the next loss cuts it to 0.7 of 1.5 BDP, which still
 * fills the link. Behind a shallower queue the 1 % rule is what answers congestion: a TCP flow
 * there gets less than CUBIC would leave it (see the README).
 *
 * <p>A UDT sender has no ACK clock, so the window is turned into a send rate of one window per
 * round trip; since that round trip includes the queue, a growing queue slows us as it slows a
 * window-limited TCP sender. The round trip is our own, from send times and the ACKs that cover
 * them ({@link RoundTripSampler}), lightly smoothed: UDT's RTT is smoothed twice (the peer's
 * average of ACK2 samples, then ours of what each ACK carries) and follows a queue several hundred
 * milliseconds late, and a window paced over a late RTT overshoots, then undershoots, around the
 * link rate. Packets sent behind a reported loss are not timed: the ACK that covers them waits for
 * the repair. Losses are judged on round trips of their own ({@code lossRttSampler}), which go on
 * while holes wait for repairs: every packet is timed, an ACK held back by a reported loss gives
 * no sample, and a NAK on a new gap does (it was sent when the packet after the gap arrived), so
 * each loss brings the round trip of its moment.
 *
 * <p>Slow start slows down, then ends, on a queue that keeps building ({@link ConservativeSlowStart})
 * or at the first loss, either way with the window the link carries (the delivery rate, measured
 * by {@link DeliveryRateMeter}, times the smallest round trip) rather than the overshoot slow start reached,
 * which avoids a second round of losses. A timeout before the first ACK changes nothing: it only
 * shows that UDT's initial RTT guess was shorter than the path and the start of the application.
 * The engine's cap on unacknowledged packets is set to three windows: packets behind a hole stay
 * unacknowledged for a round trip, and the pacing rate, not this cap, is the control. The window
 * does not grow while the sender did not use it (the application or the peer's flow window held
 * it back, see {@link SendLimitMeter}): a window never tried says nothing about the path, and
 * would later be released as a burst.
 */
public final class FairCongestionControl implements CongestionControl {

    private static final double INITIAL_WINDOW = 16;
    /** Unacknowledged packets allowed per window of rate, see the class comment. */
    private static final double WINDOW_CAP_FACTOR = 3;
    private static final double CAP_SLACK_PACKETS = 16;
    /** Delivery samples that {@link #carriedWindow} takes the most of, at least. */
    private static final int DELIVERY_WINDOW_SPANS = 3;
    /** Weight of the newest of our round-trip samples. */
    private static final double RTT_GAIN = 0.25;
    /** Losses above this share of the packets sent are congestion whatever the round trip. */
    private static final double HEAVY_LOSS_RATE = 0.01;
    /** How long a smallest round trip stands for the path's, as BBR keeps its minimum. */
    private static final long MIN_RTT_WINDOW_MICROS = 10_000_000;

    private final SendLimitMeter sendLimit = new SendLimitMeter();
    private final RoundTripSampler rttSampler = new RoundTripSampler();
    private final ConservativeSlowStart slowStartEnd = new ConservativeSlowStart();
    private final ReportedLosses losses = new ReportedLosses();
    private final SlidingWindowMax deliveryRates = new SlidingWindowMax();
    private final SlidingWindowMax negatedRtts = new SlidingWindowMax();
    private DeliveryRateMeter deliveryMeter;
    private CongestionLossJudge lossJudge;
    private double recentRttMicros;
    private CongestionContext context;
    private CubicWindow cubic;
    private boolean slowStart;
    private boolean ackSeen;
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
        deliveryMeter = new DeliveryRateMeter(losses, lastAck);
        lossJudge = new CongestionLossJudge(context.sendCurrentSequence(), HEAVY_LOSS_RATE);
    }

    @Override
    public void onAck(int ackSequence) {
        int acknowledged = SequenceNumbers.offset(lastAck, ackSequence);
        if (acknowledged <= 0) {
            return;
        }
        lastAck = ackSequence;
        ackSeen = true;
        long now = context.nowMicros();
        losses.onAck(ackSequence);
        onDeliverySample(deliveryMeter.onAck(ackSequence, now, 0), now);
        long rttSample = rttSampler.onAck(ackSequence, now);
        // An ACK held by a hole moves, when the repair arrives, only to the next hole: the newest
        // packet it covers may have arrived a round trip earlier, so its sample times the repair.
        if (rttSample > 0 && !losses.holeBefore(ackSequence)) {
            recentRttMicros = recentRttMicros == 0 ? rttSample : recentRttMicros + RTT_GAIN * (rttSample - recentRttMicros);
            negatedRtts.add(now, -rttSample);
            slowStartEnd.onRttSample(rttSample, now);
            lossJudge.onRttSample(rttSample, now);
        }
        sendLimit.accrue(now, packetSendPeriodMicros());
        if (now - sendLimitIntervalStartMicros >= rttMicros()) {
            sendLimit.endInterval();
            sendLimitIntervalStartMicros = now;
        }
        if (sendLimit.lastIntervalLimited()) {
            return;
        }
        if (slowStart && slowStartEnd.shouldEnd(now, rttMicros())) {
            slowStart = false;
            cubic.limit(carriedWindow());
        }
        if (slowStart) {
            // Slow start goes on at the largest window: reaching it says nothing of the path, and
            // a queue or a loss will still end it with the window the link carries.
            cubic.add(slowStartEnd.growth(acknowledged));
        } else {
            cubic.grow(now, acknowledged, (int) rttMicros());
        }
        cubic.limit(context.maxCongestionWindow());
    }

    @Override
    public void onLoss(int[] lossList) {
        long now = context.nowMicros();
        boolean newGap = losses.onLoss(lossList);
        onDeliverySample(deliveryMeter.onLoss(newGap, now, 0), now);
        lossJudge.onLoss(lossList);
        // The round trip at the moment of the loss judges it, but does not pace: it shows the
        // queue at its fullest, and a rate paced over it would drain further than CUBIC's cut.
        long lossMomentRtt = newGap ? rttSampler.onArrival(SequenceNumbers.increment(losses.newestLost()), now) : -1;
        if (lossMomentRtt > 0) {
            lossJudge.onRttSample(lossMomentRtt, now);
        }
        if (lossList.length == 0) {
            return;
        }
        // The newest loss decides: a repeated NAK starts with old losses but may carry new ones.
        int newestLost = lossList[lossList.length - 1] & SequenceNumbers.MAX;
        if (SequenceNumbers.compare(newestLost, lastDecreaseSequence) <= 0) {
            return;
        }
        lastDecreaseSequence = context.sendCurrentSequence();
        if (!lossJudge.congested(now, -negatedRtts.max(now, MIN_RTT_WINDOW_MICROS), context.rttMicros())) {
            return;
        }
        if (slowStart) {
            slowStart = false;
            cubic.settle(Math.min(cubic.window(), carriedWindow()));
        } else {
            cubic.reduce(cubic.window());
        }
    }

    @Override
    public void onPacketSent(int sequence, boolean retransmission) {
        if (!retransmission) {
            lossJudge.onSent();
            deliveryMeter.onSent(sequence, context.nowMicros());
            rttSampler.onSent(sequence, context.nowMicros());
        }
        sendLimit.onSent();
        sendLimit.accrue(context.nowMicros(), packetSendPeriodMicros());
    }

    @Override
    public void onTimeout() {
        if (!ackSeen) {
            return;
        }
        slowStart = false;
        cubic.reduce(cubic.window());
    }

    @Override
    public double packetSendPeriodMicros() {
        return PacketPairPacing.periodMicros(cubic.window() * 1e6 / Math.max(1, rttMicros()));
    }

    private void onDeliverySample(DeliveryRateMeter.Sample sample, long now) {
        if (sample != null) {
            deliveryRates.add(now, sample.deliveryRate());
            slowStartEnd.onDeliverySample(sample);
        }
    }

    /**
     * The window the link carries without a queue: the most that arrived per second lately times
     * the smallest round trip (the whole window before any sample). The most, since a sample that
     * still covers part of slow start shows less than the link carries, and one short is lost
     * capacity for the rest of the flow while one long only adds to the queue. The smallest round
     * trip, since the recent one includes the queue slow start built: a window of rate times that
     * refills the queue once it drained and costs a second round of losses.
     */
    private double carriedWindow() {
        long now = context.nowMicros();
        long window = Math.max((long) rttMicros(), DELIVERY_WINDOW_SPANS * DeliveryRateMeter.MIN_SPAN_MICROS);
        double deliveryRate = deliveryRates.max(now, window);
        double minRtt = -negatedRtts.max(now, MIN_RTT_WINDOW_MICROS);
        return deliveryRate > 0 && minRtt > 0 ? deliveryRate * minRtt / 1e6 : cubic.window();
    }

    private double rttMicros() {
        return recentRttMicros > 0 ? recentRttMicros : context.rttMicros();
    }

    @Override
    public double congestionWindowPackets() {
        return cubic.window() * WINDOW_CAP_FACTOR + CAP_SLACK_PACKETS;
    }
}
