package io.sectorsphere.bench.terasort;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

/**
 * The limit: one process reads every record into memory, sorts them by key and writes them to one
 * file, with nothing distributed, no shuffle and no framework. Run in a JVM of its own by
 * {@link TerasortBench}.
 *
 * <p>Records stay in 100 MB chunks (a 4 GB input exceeds one array); the sort orders one {@code long}
 * per record, its top key bits above its record number, as primitives on both cores
 * ({@link Arrays#parallelSort}), then orders the rare runs with equal kept key bits by their full keys.
 *
 * <p>Usage: {@code InMemorySort INPUT_DIR OUTPUT_FILE}.
 */
public final class InMemorySort {

    private static final int CHUNK_RECORDS = 1 << 20;
    private static final int CHUNK_BYTES = CHUNK_RECORDS * TeraRecords.RECORD_BYTES;

    private final List<byte[]> chunks = new ArrayList<>();
    private long records;

    private InMemorySort() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: InMemorySort INPUT_DIR OUTPUT_FILE");
            System.exit(2);
        }
        InMemorySort sort = new InMemorySort();
        sort.read(TeraRecords.dataFiles(Path.of(args[0])));
        sort.write(sort.order(), Path.of(args[1]));
    }

    private void read(List<Path> files) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (Path file : files) {
            streams.add(Files.newInputStream(file));
        }
        Enumeration<InputStream> all = Collections.enumeration(streams);
        try (InputStream in = new SequenceInputStream(all)) {
            while (true) {
                byte[] chunk = new byte[CHUNK_BYTES];
                int n = in.readNBytes(chunk, 0, CHUNK_BYTES);
                if (n % TeraRecords.RECORD_BYTES != 0) {
                    throw new IllegalStateException("the input does not hold whole 100-byte records");
                }
                if (n == 0) {
                    return;
                }
                chunks.add(n == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, n));
                records += n / TeraRecords.RECORD_BYTES;
                if (n < CHUNK_BYTES) {
                    return;
                }
            }
        }
    }

    /** Record numbers in key order. */
    private int[] order() {
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, records - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[Math.toIntExact(records)];
        for (int i = 0; i < keys.length; i++) {
            // Flipping the sign bit makes the signed order of the longs the unsigned order of the keys.
            keys[i] = ((keyPrefix(i) >>> indexBits) << indexBits | i) ^ Long.MIN_VALUE;
        }
        Arrays.parallelSort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        Comparator<Integer> byFullKey = (a, b) -> Arrays.compareUnsigned(chunk(a), offset(a),
                offset(a) + TeraRecords.KEY_BYTES, chunk(b), offset(b), offset(b) + TeraRecords.KEY_BYTES);
        int start = 0;
        for (int i = 1; i <= keys.length; i++) {
            if (i == keys.length || (keys[i] >>> indexBits) != (keys[start] >>> indexBits)) {
                if (i - start > 1) {
                    List<Integer> run = new ArrayList<>();
                    for (int j = start; j < i; j++) {
                        run.add(order[j]);
                    }
                    run.sort(byFullKey);
                    for (int j = start; j < i; j++) {
                        order[j] = run.get(j - start);
                    }
                }
                start = i;
            }
        }
        return order;
    }

    private void write(int[] order, Path output) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 20)) {
            for (int record : order) {
                out.write(chunk(record), offset(record), TeraRecords.RECORD_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }

    private long keyPrefix(int record) {
        byte[] chunk = chunk(record);
        int offset = offset(record);
        long prefix = 0;
        for (int b = 0; b < Long.BYTES; b++) {
            prefix = prefix << 8 | (chunk[offset + b] & 0xFF);
        }
        return prefix;
    }

    private byte[] chunk(int record) {
        return chunks.get(record / CHUNK_RECORDS);
    }

    private static int offset(int record) {
        return (record % CHUNK_RECORDS) * TeraRecords.RECORD_BYTES;
    }
}
