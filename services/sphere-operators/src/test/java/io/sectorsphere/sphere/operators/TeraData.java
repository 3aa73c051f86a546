package io.sectorsphere.sphere.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** TeraGen rows for tests, and the checks every sort output must pass. */
final class TeraData {

    private TeraData() {
    }

    static List<byte[]> rows(long first, int count) {
        List<byte[]> rows = new ArrayList<>();
        TeraRowGenerator generator = new TeraRowGenerator(first);
        for (int i = 0; i < count; i++) {
            byte[] row = TeraRowGenerator.newRowBuffer();
            generator.next(row);
            rows.add(row);
        }
        return rows;
    }

    /**
     * TeraGen rows with some hard cases mixed in: keys equal in full (different values), keys
     * equal in their first 8 bytes only, and keys of all-0x00 and all-0xFF bytes.
     */
    static List<byte[]> rowsWithTies(int count) {
        List<byte[]> rows = rows(0, count);
        for (int i = 0; i + 2 < count; i += 97) {
            System.arraycopy(rows.get(i), 0, rows.get(i + 1), 0, 10); // a full duplicate key
            System.arraycopy(rows.get(i), 0, rows.get(i + 2), 0, 8); // same 8-byte prefix
            rows.get(i + 2)[9] ^= 0x55;
        }
        Arrays.fill(rows.get(count - 1), 0, 10, (byte) 0xFF);
        Arrays.fill(rows.get(count - 2), 0, 10, (byte) 0x00);
        return rows;
    }

    static String checksum(List<byte[]> records) {
        TeraChecksum checksum = new TeraChecksum();
        records.forEach(r -> checksum.add(r, 0, r.length));
        return checksum.hex();
    }

    /** The keys in the order a plain comparison sort puts them. */
    static List<String> sortedKeys(List<byte[]> records) {
        return records.stream().map(TeraData::keyHex).sorted().toList();
    }

    static List<String> keys(List<byte[]> records) {
        return records.stream().map(TeraData::keyHex).toList();
    }

    /** Hex of the key: its lexicographic order is the unsigned byte order. */
    static String keyHex(byte[] record) {
        return java.util.HexFormat.of().formatHex(record, 0, 10);
    }
}
