package io.sectorsphere.locator.replication;

import io.sectorsphere.common.location.Replica;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies requested from storage nodes and not yet seen in the records, so that a round does not ask
 * again before a copy had time to appear. A copy is forgotten once its target shows up as a holder
 * or its deadline passes (the request or the copy was lost; the next round asks anew). Bounded, so a
 * flood of under-replicated files cannot grow it without limit.
 */
final class InFlightCopies {

    private record Copy(String name, String target) {
    }

    private final Map<Copy, Instant> deadlines = new HashMap<>();
    private final int capacity;

    InFlightCopies(int capacity) {
        this.capacity = capacity;
    }

    /** Forgets the copies that have landed (by {@code owned}: name to live replicas) or are overdue at {@code now}. */
    synchronized void settle(Map<String, List<Replica>> owned, Instant now) {
        deadlines.entrySet().removeIf(copy -> !copy.getValue().isAfter(now)
                || owned.getOrDefault(copy.getKey().name(), List.of()).stream()
                        .anyMatch(replica -> replica.holder().equals(copy.getKey().target())));
    }

    /** Name to the target addresses of its copies under way. */
    synchronized Map<String, Set<String>> pending() {
        Map<String, Set<String>> pending = new HashMap<>();
        for (Copy copy : deadlines.keySet()) {
            pending.computeIfAbsent(copy.name(), name -> new HashSet<>()).add(copy.target());
        }
        return pending;
    }

    /** @throws IllegalStateException if full: check {@link #isFull()} before asking for a copy */
    synchronized void add(String name, String target, Instant deadline) {
        if (deadlines.size() >= capacity) {
            throw new IllegalStateException("already " + capacity + " copies in flight");
        }
        deadlines.put(new Copy(name, target), deadline);
    }

    /** True if no further copy can be remembered, so none may be asked for. */
    synchronized boolean isFull() {
        return deadlines.size() >= capacity;
    }

    synchronized int size() {
        return deadlines.size();
    }
}
