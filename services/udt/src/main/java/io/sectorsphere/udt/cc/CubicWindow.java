package io.sectorsphere.udt.cc;

/**
 * TCP CUBIC's window arithmetic (RFC 8312) in packets and microseconds, without the ACK clock:
 * the window a CUBIC flow would have now, grown along the cubic curve around the window of the
 * last loss, never slower than Reno would grow (the TCP-friendly region), cut to 0.7 on loss,
 * and released a little further when the flow is losing ground (fast convergence).
 */
final class CubicWindow {

    /** RFC 8312's C, in packets per second cubed. */
    private static final double C = 0.4;
    private static final double BETA = 0.7;
    private static final double MIN_WINDOW = 2;

    private double window;
    private double windowMax;
    private double lastWindowMax;
    private long epochStartMicros = -1;
    private double epochK;
    private double epochOrigin;

    CubicWindow(double initialWindow) {
        this.window = initialWindow;
    }

    double window() {
        return window;
    }

    /** Slow start and other growth the caller decides on, outside the cubic curve. */
    void add(double packets) {
        window += packets;
    }

    void limit(double maxWindow) {
        window = Math.min(window, maxWindow);
    }

    /**
     * Grows towards the cubic curve's value one RTT from now, at most by half the
     * {@code acknowledged} packets (RFC 8312 §4.1: never more than 1.5 times per RTT).
     */
    void grow(long nowMicros, int acknowledged, int rttMicros) {
        if (epochStartMicros < 0) {
            epochStartMicros = nowMicros;
            if (window < windowMax) {
                epochK = Math.cbrt((windowMax - window) / C);
                epochOrigin = windowMax;
            } else {
                epochK = 0;
                epochOrigin = window;
            }
        }
        double rttSeconds = Math.max(rttMicros, 1) / 1e6;
        double t = (nowMicros - epochStartMicros) / 1e6 + rttSeconds;
        double cubic = epochOrigin + C * Math.pow(t - epochK, 3);
        double reno = windowMax * BETA + 3 * (1 - BETA) / (1 + BETA) * (t / rttSeconds);
        double target = Math.max(cubic, reno);
        if (target > window) {
            window += Math.min(target - window, acknowledged * 0.5);
        }
    }

    /**
     * Slow start overshot and lost packets: go on from {@code carried}, the window the link was
     * measured to carry, as a cut from a loss at {@code carried / 0.7} would. No cut below it: the
     * overshoot, not that window, filled the queue, and it drains at that window; and the curve
     * regrows from there as after any cut (the measure may fall short of the link on a short path,
     * where slow start ends before a delivery sample spans a whole ramp-free interval).
     */
    void settle(double carried) {
        window = Math.max(MIN_WINDOW, carried);
        windowMax = window / BETA;
        // A later loss below the link's window, not below this notional one, is losing ground.
        lastWindowMax = window;
        epochStartMicros = -1;
    }

    /** A congestion event seen at window {@code windowAtLoss}: cut to {@link #BETA} of it. */
    void reduce(double windowAtLoss) {
        windowMax = windowAtLoss < lastWindowMax ? windowAtLoss * (1 + BETA) / 2 : windowAtLoss;
        lastWindowMax = windowAtLoss;
        window = Math.max(MIN_WINDOW, windowAtLoss * BETA);
        epochStartMicros = -1;
    }
}
