package io.sectorsphere.udt.engine;

import java.util.Arrays;

/**
 * The receiver's view of the sender's pace, as UDT 4.11 measures it: the last 16 intervals
 * between data packets give the receiving rate, the last 16 packet-pair gaps (a packet whose
 * sequence ends in {@code 0x0}, then its successor sent back to back) give the link capacity.
 * Both are median filtered: samples more than 8 times above or below the median are ignored.
 */
final class ArrivalHistory {

    private static final int WINDOW = 16;

    private final int[] arrivalIntervals = new int[WINDOW];
    private final int[] probeGaps = new int[WINDOW];
    private final int[] scratch = new int[WINDOW];
    private int nextArrival;
    private int nextProbe;
    private long lastArrivalMicros;
    private long probeStartMicros;

    ArrivalHistory(long nowMicros) {
        // UDT's start values: one packet a second, a 1 ms pair gap, until real samples replace them.
        Arrays.fill(arrivalIntervals, 1_000_000);
        Arrays.fill(probeGaps, 1_000);
        lastArrivalMicros = nowMicros;
    }

    void onArrival(int sequence, long nowMicros) {
        arrivalIntervals[nextArrival] = clamp(nowMicros - lastArrivalMicros);
        nextArrival = (nextArrival + 1) % WINDOW;
        lastArrivalMicros = nowMicros;
        int position = sequence & 0xF;
        if (position == 0) {
            probeStartMicros = nowMicros;
        } else if (position == 1 && probeStartMicros != 0) {
            probeGaps[nextProbe] = clamp(nowMicros - probeStartMicros);
            nextProbe = (nextProbe + 1) % WINDOW;
            probeStartMicros = 0;
        }
    }

    /** Packets per second over the recent arrivals, or 0 while fewer than half of them agree. */
    int receiveRate() {
        int median = median(arrivalIntervals);
        long sum = 0;
        int count = 0;
        for (int interval : arrivalIntervals) {
            if (interval < median * 8L && interval > median / 8) {
                sum += interval;
                count++;
            }
        }
        return count > WINDOW / 2 ? perSecond(sum, count) : 0;
    }

    /** Estimated link capacity in packets per second. */
    int bandwidth() {
        int median = median(probeGaps);
        long sum = median;
        int count = 1;
        for (int gap : probeGaps) {
            if (gap < median * 8L && gap > median / 8) {
                sum += gap;
                count++;
            }
        }
        return perSecond(sum, count);
    }

    private int median(int[] samples) {
        System.arraycopy(samples, 0, scratch, 0, WINDOW);
        Arrays.sort(scratch);
        return scratch[WINDOW / 2];
    }

    private static int perSecond(long sumMicros, int count) {
        double mean = (double) sumMicros / count;
        return (int) Math.ceil(1_000_000.0 / Math.max(mean, 1.0));
    }

    private static int clamp(long micros) {
        return (int) Math.min(Math.max(micros, 0), Integer.MAX_VALUE);
    }
}
