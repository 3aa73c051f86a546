package io.sectorsphere.sphere.operators;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * TeraGen's and TeraValidate's checksum: the sum of the CRC32 of every record, as an unsigned
 * 128-bit number (it does not change when records are reordered, so equal checksums before and
 * after a sort say nothing was lost or duplicated). Printed in lower-case hex without leading
 * zeros, as TeraValidate prints it.
 */
public final class TeraChecksum {

    private final CRC32 crc = new CRC32();
    private long high;
    private long low;

    public void add(byte[] record, int offset, int length) {
        crc.reset();
        crc.update(record, offset, length);
        addUnsigned(0, crc.getValue());
    }

    /** Adds another sum (a segment's), e.g. parsed from its hex. */
    public void add(BigInteger sum) {
        addUnsigned(sum.shiftRight(64).longValue(), sum.longValue());
    }

    private void addUnsigned(long addHigh, long addLow) {
        long sum = low + addLow;
        high += addHigh + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
    }

    public BigInteger value() {
        return new BigInteger(1, ByteBuffer.allocate(16).putLong(high).putLong(low).array());
    }

    public String hex() {
        return value().toString(16);
    }

    /** The checksum of {@code count} 100-byte TeraGen rows from {@code firstRow} on. */
    public static TeraChecksum ofRows(long firstRow, long count) {
        TeraRowGenerator generator = new TeraRowGenerator(firstRow);
        byte[] row = TeraRowGenerator.newRowBuffer();
        TeraChecksum checksum = new TeraChecksum();
        for (long i = 0; i < count; i++) {
            generator.next(row);
            checksum.add(row, 0, row.length);
        }
        return checksum;
    }
}
