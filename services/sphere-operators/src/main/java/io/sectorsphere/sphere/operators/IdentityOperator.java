package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;

/** Every record to the output as it is; with buckets, to the bucket its bytes hash to. */
public final class IdentityOperator implements SphereFunction {

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        Records records = input.records();
        while (records.next()) {
            RecordRouting.write(records, output, context.bucketCount());
        }
    }
}
