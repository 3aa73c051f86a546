package io.sectorsphere.sphere.worker.shuffle;

import java.util.Locale;

/** The URL paths of bucket parts on the worker that owns a bucket. */
public final class ShufflePaths {

    private ShufflePaths() {
    }

    /** Where one attempt's part of one bucket goes. */
    public static String part(String jobId, int stage, int bucket, int segment, int attempt) {
        return String.format(Locale.ROOT, "/api/v1/shuffle/%s/%d/%d/%d/%d", jobId, stage, bucket, segment, attempt);
    }

    /** Where the coordinator commits a bucket's accepted parts. */
    public static String commit(String jobId, int stage, int bucket) {
        return String.format(Locale.ROOT, "/api/v1/shuffle/%s/%d/%d/commit", jobId, stage, bucket);
    }
}
