package io.sectorsphere.udt.cc.simulation;

/**
 * A TCP CUBIC flow reduced to what matters for sharing a bottleneck (RFC 8312): an ACK per
 * packet, no pacing (a window's worth leaves back to back), slow start, cubic growth with the
 * TCP-friendly region and fast convergence, a reduction to 0.7 of the window once per window of
 * data when a gap shows loss (SACK-like: lost packets leave the pipe when the gap is seen), and
 * a retransmission timeout when ACKs stop. Lost data is not re-sent; goodput counts arrivals.
 */
final class TcpCubicFlow implements SimulatedFlow {

    private static final double C = 0.4;
    private static final double BETA = 0.7;
    private static final long MIN_RTO_NANOS = 1_000_000_000;

    private final EventLoop loop;
    private final Bottleneck link;
    private double window = 10;
    private double slowStartThreshold = Double.MAX_VALUE;
    private double windowMax;
    private double lastWindowMax;
    private long epochStartNanos = -1;
    private double epochK;
    private double epochOrigin;
    private int nextSequence;
    private int inFlight;
    private int recoveryEnd = -1;
    private int writtenOffBelow;
    private long smoothedRttNanos;
    private long lastAckNanos;
    private int expected;
    private long delivered;

    TcpCubicFlow(EventLoop loop, Bottleneck link) {
        this.loop = loop;
        this.link = link;
    }

    @Override
    public void start() {
        lastAckNanos = loop.nowNanos();
        loop.every(100_000_000, this::checkRetransmissionTimeout);
        sendWhileWindowAllows();
    }

    @Override
    public long deliveredPackets() {
        return delivered;
    }

    private void sendWhileWindowAllows() {
        while (inFlight < window) {
            int sequence = nextSequence++;
            long sentAt = loop.nowNanos();
            inFlight++;
            link.send(() -> onArrival(sequence, sentAt));
        }
    }

    private void onArrival(int sequence, long sentAtNanos) {
        int firstLost = expected;
        int lost = Math.max(0, sequence - expected);
        expected = Math.max(expected, sequence + 1);
        delivered++;
        link.sendBack(() -> onAck(sentAtNanos, firstLost, lost));
    }

    private void onAck(long sentAtNanos, int firstLost, int lost) {
        long now = loop.nowNanos();
        lastAckNanos = now;
        long sample = now - sentAtNanos;
        smoothedRttNanos = smoothedRttNanos == 0 ? sample : (smoothedRttNanos * 7 + sample) / 8;
        int stillCounted = Math.max(0, firstLost + lost - Math.max(firstLost, writtenOffBelow));
        inFlight = Math.max(0, inFlight - 1 - stillCounted);
        if (lost > 0) {
            if (firstLost + lost - 1 > recoveryEnd) {
                reduce();
                recoveryEnd = nextSequence - 1;
            }
        } else if (window < slowStartThreshold) {
            window += 1;
        } else {
            growCubic(now);
        }
        sendWhileWindowAllows();
    }

    private void reduce() {
        // Fast convergence: a flow that lost ground since its last reduction yields some more.
        windowMax = window < lastWindowMax ? window * (1 + BETA) / 2 : window;
        lastWindowMax = window;
        window = Math.max(2, window * BETA);
        slowStartThreshold = window;
        epochStartNanos = -1;
    }

    private void growCubic(long now) {
        if (epochStartNanos < 0) {
            epochStartNanos = now;
            if (window < windowMax) {
                epochK = Math.cbrt((windowMax - window) / C);
                epochOrigin = windowMax;
            } else {
                epochK = 0;
                epochOrigin = window;
            }
        }
        double rttSeconds = smoothedRttNanos / 1e9;
        double t = (now - epochStartNanos) / 1e9 + rttSeconds;
        double target = epochOrigin + C * Math.pow(t - epochK, 3);
        double tcpFriendly = windowMax * BETA + 3 * (1 - BETA) / (1 + BETA) * (t / rttSeconds);
        if (target > window) {
            window += (target - window) / window;
        } else {
            window += 0.01 / window;
        }
        window = Math.max(window, tcpFriendly);
    }

    private void checkRetransmissionTimeout() {
        long now = loop.nowNanos();
        if (inFlight == 0 || now - lastAckNanos < Math.max(MIN_RTO_NANOS, 4 * smoothedRttNanos)) {
            return;
        }
        windowMax = window;
        slowStartThreshold = Math.max(2, window * BETA);
        window = 1;
        inFlight = 0;
        writtenOffBelow = nextSequence;
        recoveryEnd = nextSequence - 1;
        epochStartNanos = -1;
        lastAckNanos = now;
        sendWhileWindowAllows();
    }
}
