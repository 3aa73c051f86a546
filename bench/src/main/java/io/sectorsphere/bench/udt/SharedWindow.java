package io.sectorsphere.bench.udt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rates of flows that run side by side, all measured over one window: it opens once every flow
 * delivers (so a flow whose process starts later is not measured over less competition) and
 * closes {@code window} later, while every flow still sends. Each rate is the bytes its receiver
 * got between the two instants.
 */
final class SharedWindow {

    private static final Duration POLL = Duration.ofMillis(100);

    private SharedWindow() {
    }

    /** Megabits per second of each flow, in order, over the shared window. */
    static List<Double> measure(List<Flow> flows, Duration window, Duration startTimeout) throws Exception {
        long giveUp = System.nanoTime() + startTimeout.toNanos();
        long[] counts = delivered(flows);
        while (Arrays.stream(counts).anyMatch(count -> count == 0)) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("not every flow delivered within " + startTimeout
                        + " (bytes so far: " + Arrays.toString(counts) + ")");
            }
            Thread.sleep(POLL);
            counts = delivered(flows);
        }
        long opened = System.nanoTime();
        long[] before = delivered(flows);
        // The window itself: the flows run on their own meanwhile.
        Thread.sleep(window);
        long[] after = delivered(flows);
        double seconds = (System.nanoTime() - opened) / 1e9;
        List<Double> mbps = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            mbps.add((after[i] - before[i]) * 8 / seconds / 1e6);
        }
        return mbps;
    }

    private static long[] delivered(List<Flow> flows) throws Exception {
        long[] counts = new long[flows.size()];
        for (int i = 0; i < flows.size(); i++) {
            counts[i] = flows.get(i).deliveredBytes();
        }
        return counts;
    }
}
