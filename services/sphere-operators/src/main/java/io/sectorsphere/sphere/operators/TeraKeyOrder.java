package io.sectorsphere.sphere.operators;

import java.util.Arrays;

/**
 * The key order of n 100-byte records in one array, found without an object per record: each
 * record becomes one long holding the top bits of its key and its record number in the low bits,
 * the longs are sorted as primitives, and the rare runs whose kept key bits tie are put in order by
 * comparing their whole 10-byte keys.
 */
final class TeraKeyOrder {

    private final long[] sorted;
    private final long indexMask;

    private TeraKeyOrder(long[] sorted, long indexMask) {
        this.sorted = sorted;
        this.indexMask = indexMask;
    }

    /** Orders the first {@code count} records of {@code data}. */
    static TeraKeyOrder of(byte[] data, int count) {
        int indexBits = count <= 1 ? 1 : 64 - Long.numberOfLeadingZeros(count - 1L);
        long indexMask = (1L << indexBits) - 1;
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            long keyBits = TeraRecords.keyPrefix(data, i * TeraRecords.RECORD_BYTES) >>> indexBits << indexBits;
            // Flipping the sign bit makes the signed sort order the unsigned key order.
            packed[i] = (keyBits | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(packed);
        for (int i = 0; i < count; i++) {
            packed[i] ^= Long.MIN_VALUE;
        }
        orderTies(data, packed, indexMask);
        return new TeraKeyOrder(packed, indexMask);
    }

    /** Sorts each run of entries whose kept key bits are equal by the records' whole keys. */
    private static void orderTies(byte[] data, long[] packed, long indexMask) {
        int start = 0;
        while (start < packed.length) {
            int end = start + 1;
            while (end < packed.length && (packed[end] & ~indexMask) == (packed[start] & ~indexMask)) {
                end++;
            }
            if (end - start > 1) {
                Long[] run = new Long[end - start];
                for (int i = start; i < end; i++) {
                    run[i - start] = packed[i];
                }
                Arrays.sort(run, (a, b) -> TeraRecords.compareKeys(
                        data, (int) (a & indexMask) * TeraRecords.RECORD_BYTES,
                        data, (int) (b & indexMask) * TeraRecords.RECORD_BYTES));
                for (int i = start; i < end; i++) {
                    packed[i] = run[i - start];
                }
            }
            start = end;
        }
    }

    int size() {
        return sorted.length;
    }

    /** The number of the record in place {@code rank} of the key order. */
    int record(int rank) {
        return (int) (sorted[rank] & indexMask);
    }
}
