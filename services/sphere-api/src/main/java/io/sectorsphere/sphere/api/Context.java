package io.sectorsphere.sphere.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What a function knows of the job it runs in. */
public interface Context {

    String jobId();

    /** 0 for the first stage of the job. */
    int stage();

    /** The parameter bytes given with the job (empty when none). */
    byte[] parameters();

    default String parameterText() {
        return new String(parameters(), StandardCharsets.UTF_8);
    }

    /** The number of output buckets, 0 when output goes to the caller or to local files. */
    int bucketCount();

    /** A directory of this attempt's own, deleted after it. */
    Path scratchDirectory();

    /**
     * A directory on this node shared by every processing element of the job on the node, kept
     * until the job ends: per-node state that outlives a unit (Sphere's SFile).
     */
    Path nodeStateDirectory();
}
