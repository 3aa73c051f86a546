package io.sectorsphere.udt.cc;

/**
 * Whether the losses of a stretch of sending are congestion or noise on the line. Losses count as
 * congestion when they exceed a heavy loss rate, or when they come with a queue: every round trip
 * timed within the last two round trips (the newest, a NAK's, times the loss itself) exceeded the
 * path's minimum by more than half the minimum and 10 ms. The last round trips, not the whole
 * stretch: a queue that another flow built a moment ago is congestion even if the stretch began
 * empty.
 *
 * <p>The smallest of them, because on a busy host the receiver's scheduling alone delays some ACKs
 * by tens of milliseconds, and UDT's smoothed RTT keeps such a delay for hundreds; a queue at the
 * bottleneck delays them all. Half the minimum, because a drop-tail queue that overflows holds at
 * least that much on the paths this matters for (buffers of half a BDP or more), and because a
 * window cut to 0.7 there (1.5 × 0.7 BDP) still fills the link. The loss rate is judged only over
 * at least {@link #MIN_JUDGED_PACKETS} packets, so that chance does not make 1 % look like 5 %.
 */
final class CongestionLossJudge {

    /** At 1 % random loss, 400 packets rarely show 5 %; at 0.1 %, rarely 1 %. */
    static final int MIN_JUDGED_PACKETS = 400;
    /** A queue shorter than this is within the noise of RTT measurement (10 ms ACK timing). */
    private static final long MIN_QUEUE_DELAY_MICROS = 10_000;

    private static final double QUEUE_DELAY_FRACTION = 0.5;
    /** Round trips timed within this many minimum round trips show the queue of the moment. */
    private static final int RECENT_ROUND_TRIPS = 2;

    private final double heavyLossRate;
    private final LossTally tally;
    private final SlidingWindowMax negatedRecentRtts = new SlidingWindowMax();
    private long lastSampleMicros = -1;

    /** Losses above {@code heavyLossRate} of the packets sent are congestion whatever the delay. */
    CongestionLossJudge(int lastSentSequence, double heavyLossRate) {
        this.heavyLossRate = heavyLossRate;
        this.tally = new LossTally(lastSentSequence);
    }

    /** A new packet (not a retransmission) left. */
    void onSent() {
        tally.onSent();
    }

    void onLoss(int[] lossList) {
        tally.onLoss(lossList);
    }

    /** A round trip timed by an ACK that no reported loss held back, or by a NAK. */
    void onRttSample(long rttMicros, long nowMicros) {
        negatedRecentRtts.add(nowMicros, -rttMicros);
        lastSampleMicros = nowMicros;
    }

    /** Whether enough packets were sent in this stretch to judge its loss rate. */
    boolean canJudgeRate() {
        return tally.sent() >= MIN_JUDGED_PACKETS;
    }

    /**
     * Whether the stretch's losses are congestion, given the path's minimum round trip and the
     * round trip to use when none was timed within the last. The stretch starts over once its loss
     * rate could be judged; a shorter one goes on, so that its rate is judged with the next.
     */
    boolean congested(long nowMicros, double minRttMicros, double fallbackRttMicros) {
        boolean judgeRate = canJudgeRate();
        boolean heavy = judgeRate && tally.lossRate() > heavyLossRate;
        long window = RECENT_ROUND_TRIPS * (long) Math.max(minRttMicros, MIN_QUEUE_DELAY_MICROS);
        boolean timedRecently = lastSampleMicros >= 0 && nowMicros - lastSampleMicros <= window;
        double rtt = timedRecently ? -negatedRecentRtts.max(nowMicros, window) : fallbackRttMicros;
        boolean queueing = tally.lost() > 0
                && rtt - minRttMicros > Math.max(QUEUE_DELAY_FRACTION * minRttMicros, MIN_QUEUE_DELAY_MICROS);
        if (judgeRate) {
            tally.restart();
        }
        return heavy || queueing;
    }
}
