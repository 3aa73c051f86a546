package io.sectorsphere.common.sphere;

/**
 * Where a stage's records go.
 *
 * @param kind {@code CALLER} (streamed back by {@code GET /api/v1/jobs/{id}/results}), {@code LOCAL}
 *     (a file per segment on the node that ran it, named {@code prefix/part-NNNNN}) or {@code BUCKETS}
 *     (files {@code prefix/bucket-NNNNN} on the nodes that own them)
 * @param prefix the output files' name prefix, which must not exist yet ({@code LOCAL}, {@code BUCKETS})
 * @param buckets the number of buckets ({@code BUCKETS})
 * @param temporary delete this stage's files once the job has finished (intermediate buckets)
 */
public record OutputRequest(String kind, String prefix, Integer buckets, Boolean temporary) {
}
