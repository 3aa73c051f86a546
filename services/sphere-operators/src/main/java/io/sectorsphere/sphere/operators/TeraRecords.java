package io.sectorsphere.sphere.operators;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The Terasort record: 100 bytes, of which the first 10 are the key, compared as unsigned bytes. */
final class TeraRecords {

    static final int RECORD_BYTES = 100;
    static final int KEY_BYTES = 10;

    private static final VarHandle LONG_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private TeraRecords() {
    }

    /** The first 8 key bytes as a big-endian long: compared unsigned, it orders keys by their first 8 bytes. */
    static long keyPrefix(byte[] record, int offset) {
        return (long) LONG_BIG_ENDIAN.get(record, offset);
    }

    static int compareKeys(byte[] a, int aOffset, byte[] b, int bOffset) {
        return Arrays.compareUnsigned(a, aOffset, aOffset + KEY_BYTES, b, bOffset, bOffset + KEY_BYTES);
    }
}
