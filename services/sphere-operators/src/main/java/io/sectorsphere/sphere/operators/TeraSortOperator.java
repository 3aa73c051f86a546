package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.SphereFunction;

/**
 * Terasort's second stage: over a {@code FILE} unit (one bucket file of 100-byte records, read
 * from {@link Input#localFile()}; a segment unit sorts its own byte range), writes the records in
 * key order. Beyond {@code memory=BYTES} (default 256m) it sorts externally through the scratch
 * directory ({@link TeraFileSorter}).
 */
public final class TeraSortOperator implements SphereFunction {

    static final long DEFAULT_MEMORY = 256L << 20;

    private long memory;

    @Override
    public void open(Context context) {
        memory = new OperatorParameters("terasort-sort", context.parameterText(), "memory").size("memory", DEFAULT_MEMORY);
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        new TeraFileSorter(memory, context.scratchDirectory())
                .sort(input.localFile(), input.offset(), input.length(), output);
    }
}
