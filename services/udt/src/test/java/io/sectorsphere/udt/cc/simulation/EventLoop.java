package io.sectorsphere.udt.cc.simulation;

import java.util.PriorityQueue;

/**
 * A deterministic discrete-event clock in nanoseconds: events run in time order and, at equal
 * times, in the order they were scheduled, so a simulation replays identically.
 */
final class EventLoop {

    private record Event(long atNanos, long order, Runnable action) implements Comparable<Event> {

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(atNanos, other.atNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long nowNanos;
    private long scheduled;

    long nowNanos() {
        return nowNanos;
    }

    void at(long atNanos, Runnable action) {
        events.add(new Event(Math.max(atNanos, nowNanos), scheduled++, action));
    }

    void after(long delayNanos, Runnable action) {
        at(nowNanos + delayNanos, action);
    }

    /** Runs {@code action} every {@code periodNanos} from now on, until the simulation ends. */
    void every(long periodNanos, Runnable action) {
        after(periodNanos, () -> {
            action.run();
            every(periodNanos, action);
        });
    }

    void runUntil(long endNanos) {
        while (!events.isEmpty() && events.peek().atNanos() <= endNanos) {
            Event event = events.poll();
            nowNanos = event.atNanos();
            event.action().run();
        }
        nowNanos = endNanos;
    }
}
