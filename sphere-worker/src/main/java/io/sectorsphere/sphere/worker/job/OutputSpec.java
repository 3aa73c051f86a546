package io.sectorsphere.sphere.worker.job;

import java.util.Locale;

/**
 * Where a stage's records go: back to the caller, to a file per segment on the node that ran it,
 * or to buckets on the nodes that own them.
 */
public record OutputSpec(Kind kind, String prefix, int buckets, boolean temporary) {

    public enum Kind { CALLER, LOCAL, BUCKETS }

    /** The name of the file segment {@code segment}'s output becomes, for {@link Kind#LOCAL}. */
    public String partName(int segment) {
        return prefix + "/part-" + String.format(Locale.ROOT, "%05d", segment);
    }

    /** The name of bucket {@code bucket}'s file, for {@link Kind#BUCKETS}. */
    public String bucketName(int bucket) {
        return prefix + "/bucket-" + String.format(Locale.ROOT, "%05d", bucket);
    }
}
