package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.Context;
import java.nio.file.Path;

/** The job as a function sees it during one attempt. */
record AttemptContext(String jobId, int stage, byte[] parameterBytes, int bucketCount, Path scratchDirectory,
                      Path nodeStateDirectory) implements Context {

    @Override
    public byte[] parameters() {
        return parameterBytes.clone();
    }
}
