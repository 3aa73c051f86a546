package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Terasort's first stage: each 100-byte record to the bucket of its key range. Without
 * parameters the keys are taken as uniform: bucket = (first 4 key bytes, unsigned) × n / 2^32.
 * With {@code splits=HEX,HEX,…} (n − 1 ascending key prefixes) bucket b holds the keys from split
 * b − 1 (inclusive) to split b (exclusive), as Hadoop's total-order partitioner does.
 */
public final class TeraSortBucketOperator implements SphereFunction {

    private int buckets;
    private byte[][] splits;

    @Override
    public void open(Context context) {
        buckets = context.bucketCount();
        if (buckets <= 0) {
            throw new IllegalArgumentException("terasort-bucket needs bucket output");
        }
        String text = new OperatorParameters("terasort-bucket", context.parameterText(), "splits").text("splits", "");
        splits = text.isEmpty() ? null : parseSplits(text);
    }

    private byte[][] parseSplits(String text) {
        String[] words = text.split(",");
        if (words.length != buckets - 1) {
            throw new IllegalArgumentException("terasort-bucket: " + buckets + " buckets need " + (buckets - 1)
                    + " split points, not " + words.length);
        }
        byte[][] parsed = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            try {
                parsed[i] = HexFormat.of().parseHex(words[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("terasort-bucket: split point '" + words[i] + "' is not hex bytes");
            }
            if (parsed[i].length == 0 || parsed[i].length > TeraRecords.KEY_BYTES
                    || i > 0 && Arrays.compareUnsigned(parsed[i - 1], parsed[i]) >= 0) {
                throw new IllegalArgumentException("terasort-bucket: split points must be 1 to 10 bytes each and ascending;"
                        + " '" + words[i] + "' is not");
            }
        }
        return parsed;
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        Records records = input.records();
        while (records.next()) {
            byte[] buffer = records.buffer();
            int offset = records.offset();
            if (records.length() != TeraRecords.RECORD_BYTES) {
                throw new IllegalArgumentException("terasort-bucket: a record of " + input.fileName() + " is "
                        + records.length() + " bytes, not 100 (read it as fixed:100)");
            }
            output.write(bucketOf(buffer, offset), buffer, offset, TeraRecords.RECORD_BYTES);
        }
    }

    private int bucketOf(byte[] record, int offset) {
        if (splits == null) {
            long first4 = (TeraRecords.keyPrefix(record, offset) >>> 32);
            return (int) ((first4 * buckets) >>> 32);
        }
        int low = 0;
        int high = splits.length;
        while (low < high) { // the number of split points at or below the key
            int middle = (low + high) >>> 1;
            byte[] split = splits[middle];
            if (Arrays.compareUnsigned(record, offset, offset + TeraRecords.KEY_BYTES, split, 0, split.length) >= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
