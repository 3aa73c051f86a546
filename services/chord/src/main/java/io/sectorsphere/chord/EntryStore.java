package io.sectorsphere.chord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The entries one node holds, ordered by key so that ring ranges can be handed over and
 * replicated. Every change gets a sequence number, so replication can send only what changed.
 */
final class EntryStore {

    private record Slot(String name, String source) {
    }

    private record Stored(Entry entry, long sequence) {
    }

    private final NavigableMap<NodeId, Map<Slot, Stored>> byKey = new TreeMap<>();
    private final int capacity;
    private long sequence;
    private int size;

    EntryStore(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Keeps {@code entry} unless an equal or newer one is held.
     *
     * @return true if the store changed
     * @throws StoreFullException if the entry is new and the store is at capacity
     */
    synchronized boolean merge(Entry entry) {
        Map<Slot, Stored> slots = byKey.get(entry.key());
        Slot slot = new Slot(entry.name(), entry.source());
        Stored held = slots == null ? null : slots.get(slot);
        if (held != null && !entry.supersedes(held.entry())) {
            return false;
        }
        if (held == null) {
            if (size >= capacity) {
                throw new StoreFullException("this node holds its maximum of " + capacity + " entries");
            }
            size++;
        }
        if (slots == null) {
            slots = new HashMap<>();
            byKey.put(entry.key(), slots);
        }
        slots.put(slot, new Stored(entry, ++sequence));
        return true;
    }

    synchronized List<Entry> live(String name, Instant now) {
        Map<Slot, Stored> slots = byKey.get(NodeId.ofKey(name));
        if (slots == null) {
            return List.of();
        }
        List<Entry> live = new ArrayList<>();
        for (Stored stored : slots.values()) {
            Entry entry = stored.entry();
            if (entry.name().equals(name) && !entry.isTombstone() && !entry.isExpiredAt(now)) {
                live.add(entry);
            }
        }
        return live;
    }

    /** Entries, tombstones included, with keys in the ring interval {@code (from, to]}. */
    synchronized List<Entry> in(NodeId from, NodeId to) {
        return changedSince(from, to, 0);
    }

    /** Entries with keys in {@code (from, to]} changed after sequence number {@code after}. */
    synchronized List<Entry> changedSince(NodeId from, NodeId to, long after) {
        List<Entry> found = new ArrayList<>();
        for (Map<Slot, Stored> slots : range(from, to)) {
            for (Stored stored : slots.values()) {
                if (stored.sequence() > after) {
                    found.add(stored.entry());
                }
            }
        }
        return found;
    }

    synchronized long sequence() {
        return sequence;
    }

    /** Drops expired entries and returns how many. */
    synchronized int expire(Instant now) {
        int dropped = 0;
        Iterator<Map<Slot, Stored>> keys = byKey.values().iterator();
        while (keys.hasNext()) {
            Map<Slot, Stored> slots = keys.next();
            int before = slots.size();
            slots.values().removeIf(stored -> stored.entry().isExpiredAt(now));
            dropped += before - slots.size();
            if (slots.isEmpty()) {
                keys.remove();
            }
        }
        size -= dropped;
        return dropped;
    }

    synchronized int size() {
        return size;
    }

    private List<Map<Slot, Stored>> range(NodeId from, NodeId to) {
        int order = from.compareTo(to);
        if (order == 0) {
            return new ArrayList<>(byKey.values());
        }
        if (order < 0) {
            return new ArrayList<>(byKey.subMap(from, false, to, true).values());
        }
        List<Map<Slot, Stored>> wrapped = new ArrayList<>(byKey.tailMap(from, false).values());
        wrapped.addAll(byKey.headMap(to, true).values());
        return wrapped;
    }
}
