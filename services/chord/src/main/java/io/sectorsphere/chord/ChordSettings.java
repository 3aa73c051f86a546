package io.sectorsphere.chord;

/**
 * Tunables of one ring node.
 *
 * @param successorListLength r: successors each node tracks, and copies kept of every entry
 * @param synchronousReplicas successors a primary store copies to before it answers (the rest
 *     follow at the next replication round); one is enough for a single crash to lose nothing
 * @param maxLookupHops a lookup that has not converged after this many nodes gives up
 * @param maxEntries entries one node holds at most; stores beyond it are refused
 * @param membershipView whether the node keeps a {@link MembershipView} of the whole ring, gossips
 *     it, and sends lookups straight to the predicted owner; without it every lookup is routed
 */
public record ChordSettings(int successorListLength, int synchronousReplicas, int maxLookupHops, int maxEntries,
                            boolean membershipView) {

    public static final ChordSettings DEFAULTS = new ChordSettings(8, 1, 64, 1_000_000);

    /** Settings with the membership view on. */
    public ChordSettings(int successorListLength, int synchronousReplicas, int maxLookupHops, int maxEntries) {
        this(successorListLength, synchronousReplicas, maxLookupHops, maxEntries, true);
    }

    public ChordSettings {
        if (successorListLength < 1) {
            throw new IllegalArgumentException("successor list length must be at least 1");
        }
        if (synchronousReplicas < 0 || synchronousReplicas >= successorListLength) {
            throw new IllegalArgumentException("synchronous replicas must lie in [0, successor list length)");
        }
        if (maxLookupHops < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("hop and entry limits must be positive");
        }
    }

    public ChordSettings withSuccessorListLength(int length) {
        return new ChordSettings(length, Math.min(synchronousReplicas, length - 1), maxLookupHops, maxEntries,
                membershipView);
    }

    /** The same settings with every lookup routed, as plain Chord does. */
    public ChordSettings withoutMembershipView() {
        return new ChordSettings(successorListLength, synchronousReplicas, maxLookupHops, maxEntries, false);
    }
}
