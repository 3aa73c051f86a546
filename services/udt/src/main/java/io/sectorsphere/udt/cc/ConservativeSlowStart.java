package io.sectorsphere.udt.cc;

/**
 * When slow start should slow down and end before a loss, after HyStart++ (RFC 9406): once the
 * round trip shows a growing queue, growth drops to a quarter (conservative slow start), returns
 * to full speed if the queue goes away, and slow start ends if the queue keeps building for
 * {@link #ROUNDS} round trips.
 *
 * <p>A queue is taken as building only when the delay rose ({@link DelayIncreaseDetector}) and the
 * packets also arrived spread out, at less than {@link #SPREAD_OUT_FRACTION} of the rate they
 * left at: a bottleneck that is full stretches what passes it. On a busy host the round trip alone
 * rises with the receiver's scheduling and its start-up (JIT compilation), and ending slow start
 * on that leaves CUBIC's slow convex growth to find the rest of the link.
 */
final class ConservativeSlowStart {

    private static final double SPREAD_OUT_FRACTION = 0.8;
    /** RFC 9406's CSS_GROWTH_DIVISOR. */
    private static final double GROWTH_DIVISOR = 4;
    /** RFC 9406 says five; three at a quarter of the growth already double the window, which a one-BDP queue holds. */
    static final int ROUNDS = 3;
    /** A round is never taken shorter than a few full ACK intervals, which bring the samples. */
    private static final double MIN_ROUND_MICROS = 40_000;

    private final DelayIncreaseDetector delayIncrease = new DelayIncreaseDetector();
    private boolean arrivalsSpreadOut;
    /** When the queue started building, or negative while it is not. */
    private long queueSinceMicros = -1;

    void onDeliverySample(DeliveryRateMeter.Sample sample) {
        arrivalsSpreadOut = sample.deliveryRate() < SPREAD_OUT_FRACTION * sample.sendRate();
    }

    void onRttSample(long rttMicros, long nowMicros) {
        if (!delayIncrease.onSample(rttMicros) || !arrivalsSpreadOut) {
            queueSinceMicros = -1;
        } else if (queueSinceMicros < 0) {
            queueSinceMicros = nowMicros;
        }
    }

    /** How much the window grows for {@code acknowledged} packets. */
    double growth(int acknowledged) {
        return queueSinceMicros >= 0 ? acknowledged / GROWTH_DIVISOR : acknowledged;
    }

    /** Whether the queue has kept building for {@link #ROUNDS} rounds of {@code roundMicros}. */
    boolean shouldEnd(long nowMicros, double roundMicros) {
        return queueSinceMicros >= 0 && nowMicros - queueSinceMicros >= ROUNDS * Math.max(roundMicros, MIN_ROUND_MICROS);
    }
}
