package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import java.io.IOException;

/** Writes the cursor's current record to the output, or with buckets to the bucket its bytes hash to. */
final class RecordRouting {

    private RecordRouting() {
    }

    static void write(Records records, Output output, int buckets) throws IOException {
        if (buckets > 0) {
            output.write(Buckets.of(records.buffer(), records.offset(), records.length(), buckets),
                    records.buffer(), records.offset(), records.length());
        } else {
            output.write(records.buffer(), records.offset(), records.length());
        }
    }
}
