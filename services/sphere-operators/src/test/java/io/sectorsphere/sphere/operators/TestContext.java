package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

record TestContext(String parameterString, int bucketCount, Path scratchDirectory) implements Context {

    @Override
    public String jobId() {
        return "test-job";
    }

    @Override
    public int stage() {
        return 0;
    }

    @Override
    public byte[] parameters() {
        return parameterString.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Path nodeStateDirectory() {
        return scratchDirectory;
    }
}
