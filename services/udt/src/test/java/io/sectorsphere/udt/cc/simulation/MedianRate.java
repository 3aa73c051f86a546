package io.sectorsphere.udt.cc.simulation;

import java.util.Arrays;

/**
 * The last 16 intervals of a packet series and UDT's median filter over them: intervals more
 * than 8 times off the median are discarded and the rest averaged into packets per second.
 */
final class MedianRate {

    private static final int SIZE = 16;

    private final long[] intervalsNanos = new long[SIZE];
    private final boolean requireMajority;
    private int count;

    /**
     * @param requireMajority report 0 unless more than half the intervals agree with the median,
     *     as UDT's receive-speed estimate does (its packet-pair estimate does not)
     */
    MedianRate(boolean requireMajority) {
        this.requireMajority = requireMajority;
    }

    void record(long intervalNanos) {
        intervalsNanos[count++ % SIZE] = Math.max(1, intervalNanos);
    }

    int packetsPerSecond() {
        if (count < SIZE) {
            return 0;
        }
        long[] sorted = intervalsNanos.clone();
        Arrays.sort(sorted);
        long median = sorted[SIZE / 2];
        long sum = 0;
        int kept = 0;
        for (long interval : sorted) {
            if (interval > median / 8 && interval < median * 8) {
                sum += interval;
                kept++;
            }
        }
        if (kept == 0 || (requireMajority && kept <= SIZE / 2)) {
            return 0;
        }
        return (int) Math.round(1_000_000_000.0 * kept / sum);
    }
}
