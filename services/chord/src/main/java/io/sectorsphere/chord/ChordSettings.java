package io.sectorsphere.chord;

/**
 * Tunables of one ring node.
 *
 * @param successorListLength r: successors each node tracks, and copies kept of every entry
 * @param synchronousReplicas successors a primary store copies to before it answers (the rest
 *     follow at the next replication round); one is enough for a single crash to lose nothing
 * @param maxLookupHops a lookup that has not converged after this many nodes gives up
 * @param maxEntries entries one node holds at most; stores beyond it are refused
 */
public record ChordSettings(int successorListLength, int synchronousReplicas, int maxLookupHops, int maxEntries) {

    public static final ChordSettings DEFAULTS = new ChordSettings(8, 1, 64, 1_000_000);

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
        return new ChordSettings(length, Math.min(synchronousReplicas, length - 1), maxLookupHops, maxEntries);
    }
}
