package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;

/**
 * For dedicated long paths, where a lost packet is usually noise on the line rather than a full
 * queue: paces at a model of the path (bottleneck rate and minimum RTT) instead of backing off on
 * every loss, and backs off only on evidence of congestion.
 *
 * <p>Why: a loss-driven controller at 0.1 % random loss on a 200 ms path is cut every few round
 * trips and never regrows (TCP CUBIC and UDT 4.11 end at about a tenth of the link). Here, as in
 * BBR, the rate is the highest delivery rate over the last ten rounds (a rate the path has shown
 * it carries), measured from what the ACKs and NAKs say arrived ({@link DeliveryRateMeter}) rather
 * than taken from the receive rate the peer reports, which a receiver on a busy host overstates
 * several times. The sender probes for more by cycling its pacing gain over
 * eight rounds: 1.25 to find spare capacity, 0.75 to drain the queue the probe built, then 1.
 * Rounds and phases follow the clock on every packet sent, since ACKs stop while a hole waits for
 * its retransmission. Startup paces at 2/ln 2 times the measured rate, which doubles the
 * delivered rate per round, but not above 1.25 times the peer's packet-pair capacity when that is
 * plausible (the delivery rate reaches us a round late, so startup would otherwise overfill the
 * queue by more than a BDP), until the rate stops growing by a quarter for three rounds or losses
 * turn heavy, and then drains the queue it built.
 *
 * <p>Loss is taken as congestion only when losses exceed 5 % of the packets sent, or come with a
 * queue ({@link CongestionLossJudge}), judged once per round over at least 400 packets. Then the model drops to 0.85, the delivery rates measured for the next round trip (which
 * still show the old rate) are not taken as samples, and the gain cycle restarts at its draining
 * phase; congestion that persists beyond that round trip cuts again, so two flows on a link end
 * near their shares instead of holding a standing queue. The minimum RTT comes from our own send
 * times (see {@link RoundTripSampler}) over ten seconds. The engine's cap on unacknowledged
 * packets is about three path BDPs: packets behind a hole stay unacknowledged until the
 * retransmission arrives, and pacing, not the cap, is the control. Receive-rate samples taken
 * while that cap, or the application, held us below the pacing rate show that limit, not the
 * path, and are skipped.
 *
 * <p>Not TCP-friendly by design (a TCP CUBIC flow beside it keeps about a tenth of the link):
 * use {@code fair} on shared paths.
 */
public final class DedicatedCongestionControl implements CongestionControl {

    private static final double HEAVY_LOSS_RATE = 0.05;
    private static final double STARTUP_GAIN = 2 / Math.log(2);
    private static final double[] PROBE_GAINS = {1.25, 0.75, 1, 1, 1, 1, 1, 1};
    private static final double FULL_PIPE_GROWTH = 1.25;
    private static final int FULL_PIPE_ROUNDS = 3;
    private static final int MAX_DRAIN_ROUNDS = 3;
    private static final double CONGESTION_CUT = 0.85;
    private static final long MIN_ROUND_MICROS = 20_000;
    /** How long the delivery rate takes to follow a change of ours: a sample spans 50 ms or more. */
    private static final long FEEDBACK_LAG_MICROS = 80_000;
    /** Startup judges growth over at least this long: shorter rounds see no growth yet. */
    private static final long STARTUP_ROUND_MICROS = FEEDBACK_LAG_MICROS;
    private static final long MIN_BANDWIDTH_WINDOW_MICROS = 500_000;
    private static final long MIN_RTT_WINDOW_MICROS = 10_000_000;
    private static final int BANDWIDTH_WINDOW_ROUNDS = 10;
    private static final double INITIAL_WINDOW = 16;
    private static final double WINDOW_CAP_BDPS = 3;
    private static final double CAP_SLACK_PACKETS = 16;
    private static final double WINDOW_LIMITED_FRACTION = 0.9;
    /** Startup never paces above this multiple of the peer's packet-pair capacity estimate. */
    private static final double STARTUP_PACKET_PAIR_CAP = 1.25;

    private enum Phase { STARTUP, DRAIN, PROBE_BANDWIDTH }

    private final SlidingWindowMax bandwidthFilter = new SlidingWindowMax();
    private final SlidingWindowMax negatedRttFilter = new SlidingWindowMax();
    private final RoundTripSampler rttSampler = new RoundTripSampler();
    private CongestionContext context;
    private CongestionLossJudge lossJudge;
    private Phase phase;
    private int lastAck;
    private long roundStartMicros;
    private int roundsInPhase;
    private double fullPipeBandwidth;
    private int roundsWithoutGrowth;
    private int gainIndex;
    private long gainPhaseStartMicros;
    private double bandwidth;
    private double minRttMicros;
    private long holdSamplesUntilMicros;
    private final SendLimitMeter sendLimit = new SendLimitMeter();
    private final ReportedLosses losses = new ReportedLosses();
    private DeliveryRateMeter deliveryRate;
    private boolean ackSeen;

    @Override
    public String name() {
        return "dedicated";
    }

    @Override
    public void init(CongestionContext context) {
        this.context = context;
        long now = context.nowMicros();
        lossJudge = new CongestionLossJudge(context.sendCurrentSequence(), HEAVY_LOSS_RATE);
        phase = Phase.STARTUP;
        lastAck = SequenceNumbers.increment(context.sendCurrentSequence());
        roundStartMicros = now;
        minRttMicros = Math.max(1, context.rttMicros());
        bandwidth = INITIAL_WINDOW * 1e6 / minRttMicros;
        bandwidthFilter.reset(now, bandwidth);
        deliveryRate = new DeliveryRateMeter(losses, lastAck);
    }

    @Override
    public void onPacketSent(int sequence, boolean retransmission) {
        long now = context.nowMicros();
        sendLimit.onSent();
        if (!retransmission) {
            lossJudge.onSent();
            rttSampler.onSent(sequence, now);
            deliveryRate.onSent(sequence, now);
        }
        // Rounds and gain phases follow the clock, also while a hole holds the ACKs back.
        advanceClock(now);
    }

    @Override
    public void onAck(int ackSequence) {
        long now = context.nowMicros();
        ackSeen = true;
        if (SequenceNumbers.compare(ackSequence, lastAck) > 0) {
            lastAck = ackSequence;
        }
        losses.onAck(ackSequence);
        // Samples span a round at least: the model is their maximum, and over 50 ms a busy
        // receiver's ACKs, at times tens of milliseconds late, overstate the rate by a third.
        DeliveryRateMeter.Sample delivered = deliveryRate.onAck(ackSequence, now, roundMicros());
        long rttSample = rttSampler.onAck(ackSequence, now);
        // An ACK held by a hole moves, when the repair arrives, only to the next hole: the newest
        // packet it covers may have arrived a round trip earlier, so its sample shows waiting, not
        // a queue. Only the minimum, over ten seconds, takes such samples.
        if (rttSample > 0 && !losses.holeBefore(ackSequence)) {
            lossJudge.onRttSample(rttSample, now);
        }
        if (rttSample > 0) {
            negatedRttFilter.add(now, -rttSample);
            minRttMicros = -negatedRttFilter.max(now, MIN_RTT_WINDOW_MICROS);
        }
        onDeliverySample(delivered, now);
        advanceClock(now);
    }

    private void onDeliverySample(DeliveryRateMeter.Sample sample, long now) {
        // A sender held back by its window, by the application (a slow disk) or by its own CPU
        // shows the peer that limit, not the path: such a sample may raise the model but not
        // lower it, or a long hole repair or a pause would talk the model down (BBR's rule for
        // application-limited samples). A sample shows what was sent up to a round ago, so both
        // the last round and the one under way are judged.
        sendLimit.accrue(now, packetSendPeriodMicros());
        boolean windowLimited = unacknowledged() >= WINDOW_LIMITED_FRACTION * congestionWindowPackets();
        boolean limited = windowLimited || sendLimit.lastIntervalLimited() || sendLimit.currentIntervalLimited();
        if (sample != null && (!limited || sample.deliveryRate() > bandwidth) && now >= holdSamplesUntilMicros) {
            bandwidthFilter.add(now, sample.deliveryRate());
        }
        bandwidth = bandwidthFilter.max(now, Math.max(MIN_BANDWIDTH_WINDOW_MICROS, BANDWIDTH_WINDOW_ROUNDS * roundMicros()));
    }

    @Override
    public void onLoss(int[] lossList) {
        lossJudge.onLoss(lossList);
        long now = context.nowMicros();
        onDeliverySample(deliveryRate.onLoss(losses.onLoss(lossList), now, roundMicros()), now);
    }

    /**
     * EXP: nothing came back for several RTTs, a sign the path is gone or badly congested. Before
     * the first ACK it only shows that UDT's initial RTT guess (100 ms) was shorter than the path
     * and the start of the application, and says nothing about the path.
     */
    @Override
    public void onTimeout() {
        if (ackSeen) {
            cutRate(context.nowMicros());
        }
    }

    @Override
    public double packetSendPeriodMicros() {
        double rate = pacingGain() * bandwidth;
        if (phase == Phase.STARTUP) {
            // The packet-pair estimate starts near zero (UDT smooths it up from 1 packet/s), and a
            // capacity below what already arrives is wrong: only a plausible one caps startup.
            if (context.bandwidth() >= bandwidth) {
                rate = Math.min(rate, STARTUP_PACKET_PAIR_CAP * context.bandwidth());
            }
        }
        return PacketPairPacing.periodMicros(rate);
    }

    @Override
    public double congestionWindowPackets() {
        if (phase == Phase.STARTUP) {
            return context.maxCongestionWindow();
        }
        return bandwidth * (WINDOW_CAP_BDPS * minRttMicros + 2.0 * context.synIntervalMicros()) / 1e6
                + CAP_SLACK_PACKETS;
    }

    private void advanceClock(long now) {
        sendLimit.accrue(now, packetSendPeriodMicros());
        long round = phase == Phase.STARTUP ? Math.max(roundMicros(), STARTUP_ROUND_MICROS) : roundMicros();
        if (now - roundStartMicros >= round) {
            endRound(now);
        }
        if (phase == Phase.PROBE_BANDWIDTH && now - gainPhaseStartMicros >= roundMicros()) {
            gainIndex = (gainIndex + 1) % PROBE_GAINS.length;
            gainPhaseStartMicros = now;
        }
    }

    private double pacingGain() {
        return switch (phase) {
            case STARTUP -> STARTUP_GAIN;
            case DRAIN -> 1 / STARTUP_GAIN;
            case PROBE_BANDWIDTH -> PROBE_GAINS[gainIndex];
        };
    }

    private long roundMicros() {
        return Math.max(MIN_ROUND_MICROS, (long) minRttMicros);
    }

    private void endRound(long now) {
        roundStartMicros = now;
        roundsInPhase++;
        sendLimit.endInterval();
        boolean congested = lossJudge.canJudgeRate() && lossJudge.congested(now, minRttMicros, context.rttMicros());
        switch (phase) {
            case STARTUP -> {
                if (bandwidth >= fullPipeBandwidth * FULL_PIPE_GROWTH) {
                    fullPipeBandwidth = bandwidth;
                    roundsWithoutGrowth = 0;
                } else {
                    roundsWithoutGrowth++;
                }
                if (congested || roundsWithoutGrowth >= FULL_PIPE_ROUNDS) {
                    enter(Phase.DRAIN, now);
                }
            }
            case DRAIN -> {
                if (unacknowledged() <= bandwidth * minRttMicros / 1e6 || roundsInPhase >= MAX_DRAIN_ROUNDS) {
                    enter(Phase.PROBE_BANDWIDTH, now);
                    holdSamplesUntilMicros = now + roundMicros() + FEEDBACK_LAG_MICROS;
                }
            }
            case PROBE_BANDWIDTH -> {
                // Losses reported within a round trip of a cut, or of startup's end, were caused
                // before it: cut once.
                if (congested && now >= holdSamplesUntilMicros) {
                    cutRate(now);
                }
            }
        }
    }

    private void cutRate(long now) {
        // Cut the model, not the delivery rate: that may be low because we were draining.
        bandwidth = Math.max(bandwidth * CONGESTION_CUT, INITIAL_WINDOW * 1e6 / Math.max(minRttMicros, 1));
        bandwidthFilter.reset(now, bandwidth);
        // The delivery rate still shows the rate before the cut for a round trip plus the span of
        // a sample; taken as new samples, it would undo the cut at once.
        holdSamplesUntilMicros = now + roundMicros() + FEEDBACK_LAG_MICROS;
        if (phase == Phase.PROBE_BANDWIDTH) {
            gainIndex = 1;
            gainPhaseStartMicros = now;
        }
    }

    private void enter(Phase next, long now) {
        phase = next;
        roundsInPhase = 0;
        gainIndex = 0;
        gainPhaseStartMicros = now;
    }

    private double unacknowledged() {
        return SequenceNumbers.offset(lastAck, context.sendCurrentSequence()) + 1;
    }
}
