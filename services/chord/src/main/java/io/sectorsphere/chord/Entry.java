package io.sectorsphere.chord;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One soft-state item stored in the ring: what {@code source} says about {@code name}, valid until
 * {@code expiresAt}. Several sources may hold entries under one name (every holder of a file
 * publishes its own), each refreshed independently.
 *
 * <p>A {@code null} value is a tombstone: it records a removal so that replicas which missed it do
 * not bring the old value back, and it expires like any other entry.
 */
public record Entry(String name, String source, String value, Instant updatedAt, Instant expiresAt) {

    private static final Comparator<Entry> RECENCY = Comparator.comparing(Entry::updatedAt)
            // On equal times a removal wins, then the larger value, so every replica picks the same.
            .thenComparing(Entry::isTombstone)
            .thenComparing(e -> e.value == null ? "" : e.value);

    public Entry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Entry tombstone(String name, String source, Instant updatedAt, Instant expiresAt) {
        return new Entry(name, source, null, updatedAt, expiresAt);
    }

    public NodeId key() {
        return NodeId.ofKey(name);
    }

    public boolean isTombstone() {
        return value == null;
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** True if this entry should replace {@code other} (same name and source) in a store. */
    public boolean supersedes(Entry other) {
        return RECENCY.compare(this, other) > 0;
    }
}
