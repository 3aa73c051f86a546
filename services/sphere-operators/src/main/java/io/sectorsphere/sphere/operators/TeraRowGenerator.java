package io.sectorsphere.sphere.operators;

import java.nio.charset.StandardCharsets;

/**
 * Hadoop 3.3.6 TeraGen's rows (gensort's binary format), byte for byte. The random numbers come
 * from a 128-bit linear congruential generator {@code x' = A·x + C mod 2^128}, {@code x_0 = 0}; row
 * {@code i} is made of {@code r = x_(i+1)}. A generator starts at any row by jumping ahead in
 * O(log i) steps. Layout of a row (shared/specs/TERASORT.md):
 *
 * <pre>
 *  0          10    12                          44          48                         96         100
 *  +----------+-----+---------------------------+-----------+--------------------------+----------+
 *  | r[0..9]  |00 11| row number, 32 hex digits | 88 99 AA BB| 12 × 4 × hex digit h[20+j]| CC DD EE FF|
 *  +----------+-----+---------------------------+-----------+--------------------------+----------+
 *    key (the high 80 bits of r)                               (the low 48 bits of r, as hex)
 * </pre>
 */
final class TeraRowGenerator {

    static final long A_HIGH = 0x2360ED051FC65DA4L;
    static final long A_LOW = 0x4385DF649FCCF645L;
    static final long C_HIGH = 0x4A696D4772617952L;
    static final long C_LOW = 0x4950202020202001L;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private long high;
    private long low;
    private long row;

    /** A generator whose next row is {@code firstRow}. */
    TeraRowGenerator(long firstRow) {
        if (firstRow < 0) {
            throw new IllegalArgumentException("row numbers start at 0, not " + firstRow);
        }
        // x_n = A^n·0 + C·(A^(n-1) + … + 1): compose the step x -> A·x + C with itself by squaring.
        long stepMulHigh = A_HIGH;
        long stepMulLow = A_LOW;
        long stepAddHigh = C_HIGH;
        long stepAddLow = C_LOW;
        long accMulHigh = 0;
        long accMulLow = 1;
        long accAddHigh = 0;
        long accAddLow = 0;
        for (long n = firstRow; n != 0; n >>>= 1) {
            if ((n & 1) != 0) {
                // acc := step ∘ acc, i.e. x -> step.mul·(acc.mul·x + acc.add) + step.add
                long mulHigh = multiplyHigh(stepMulHigh, stepMulLow, accMulHigh, accMulLow);
                long mulLow = stepMulLow * accMulLow;
                long addHigh = multiplyHigh(stepMulHigh, stepMulLow, accAddHigh, accAddLow);
                long addLow = stepMulLow * accAddLow;
                long sumLow = addLow + stepAddLow;
                addHigh += stepAddHigh + (Long.compareUnsigned(sumLow, addLow) < 0 ? 1 : 0);
                accMulHigh = mulHigh;
                accMulLow = mulLow;
                accAddHigh = addHigh;
                accAddLow = sumLow;
            }
            // step := step ∘ step
            long addHigh = multiplyHigh(stepMulHigh, stepMulLow, stepAddHigh, stepAddLow);
            long addLow = stepMulLow * stepAddLow;
            long sumLow = addLow + stepAddLow;
            addHigh += stepAddHigh + (Long.compareUnsigned(sumLow, addLow) < 0 ? 1 : 0);
            long mulHigh = multiplyHigh(stepMulHigh, stepMulLow, stepMulHigh, stepMulLow);
            stepMulLow = stepMulLow * stepMulLow;
            stepMulHigh = mulHigh;
            stepAddHigh = addHigh;
            stepAddLow = sumLow;
        }
        this.high = accAddHigh;
        this.low = accAddLow;
        this.row = firstRow;
    }

    /** The high 64 bits of the 128-bit product (mod 2^128) of two 128-bit numbers. */
    private static long multiplyHigh(long aHigh, long aLow, long bHigh, long bLow) {
        return Math.unsignedMultiplyHigh(aLow, bLow) + aLow * bHigh + aHigh * bLow;
    }

    /** Fills the constant bytes of a 100-byte row buffer once; {@link #next} writes the rest. */
    static byte[] newRowBuffer() {
        byte[] record = new byte[TeraRecords.RECORD_BYTES];
        record[10] = 0x00;
        record[11] = 0x11;
        record[44] = (byte) 0x88;
        record[45] = (byte) 0x99;
        record[46] = (byte) 0xAA;
        record[47] = (byte) 0xBB;
        record[96] = (byte) 0xCC;
        record[97] = (byte) 0xDD;
        record[98] = (byte) 0xEE;
        record[99] = (byte) 0xFF;
        return record;
    }

    /** Writes the next row into {@code record}, a buffer from {@link #newRowBuffer()}. */
    void next(byte[] record) {
        long newLow = A_LOW * low + C_LOW;
        long newHigh = Math.unsignedMultiplyHigh(A_LOW, low) + A_LOW * high + A_HIGH * low + C_HIGH
                + (Long.compareUnsigned(newLow, A_LOW * low) < 0 ? 1 : 0);
        high = newHigh;
        low = newLow;
        for (int i = 0; i < 8; i++) {
            record[i] = (byte) (high >>> (56 - 8 * i));
        }
        record[8] = (byte) (low >>> 56);
        record[9] = (byte) (low >>> 48);
        for (int i = 0; i < 16; i++) {
            record[12 + i] = '0';
            record[28 + i] = HEX[(int) (row >>> (60 - 4 * i)) & 0xF];
        }
        for (int j = 0; j < 12; j++) {
            byte digit = HEX[(int) (low >>> (44 - 4 * j)) & 0xF];
            int at = 48 + 4 * j;
            record[at] = digit;
            record[at + 1] = digit;
            record[at + 2] = digit;
            record[at + 3] = digit;
        }
        row++;
    }
}
