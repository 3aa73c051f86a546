package io.sectorsphere.udt.cc;

import java.util.ArrayDeque;

/**
 * The largest value seen within a sliding time window. Keeps only samples that could still
 * become the maximum (a decreasing run), so it holds at most one entry per sample inside the
 * window and usually far fewer.
 */
final class SlidingWindowMax {

    private record Sample(long atMicros, double value) {
    }

    private final ArrayDeque<Sample> candidates = new ArrayDeque<>();

    void add(long nowMicros, double value) {
        while (!candidates.isEmpty() && candidates.peekLast().value() <= value) {
            candidates.pollLast();
        }
        candidates.addLast(new Sample(nowMicros, value));
    }

    /** The maximum of the samples taken within {@code windowMicros} before now, or 0 if none. */
    double max(long nowMicros, long windowMicros) {
        while (candidates.size() > 1 && nowMicros - candidates.peekFirst().atMicros() > windowMicros) {
            candidates.pollFirst();
        }
        return candidates.isEmpty() ? 0 : candidates.peekFirst().value();
    }

    /** Forgets every sample and starts again from {@code value}. */
    void reset(long nowMicros, double value) {
        candidates.clear();
        candidates.addLast(new Sample(nowMicros, value));
    }
}
