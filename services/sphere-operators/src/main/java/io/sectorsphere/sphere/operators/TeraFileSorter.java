package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Output;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts the 100-byte records of a byte range of a file by key and writes them in order: in memory
 * when the range fits the memory budget, otherwise as an external merge sort (sorted runs of at
 * most the budget written to a scratch directory, then one k-way merge).
 */
final class TeraFileSorter {

    /** Per record in memory: the record and its one long in {@link TeraKeyOrder}. */
    private static final int BYTES_PER_RECORD_SORTED = TeraRecords.RECORD_BYTES + Long.BYTES;
    /** Records per run read by the merge at most: 4 MB, whole records so none straddles a refill. */
    private static final int MAX_MERGE_BUFFER_RECORDS = 40_000;

    private static final int READ_SLICE = 1 << 20;

    private final long memoryBudget;
    private final Path scratch;

    TeraFileSorter(long memoryBudget, Path scratch) {
        this.memoryBudget = memoryBudget;
        this.scratch = scratch;
    }

    /** Sorts {@code [offset, offset + length)} of {@code file}; returns the number of runs spilled (0: in memory). */
    int sort(Path file, long offset, long length, Output output) throws IOException {
        if (length % TeraRecords.RECORD_BYTES != 0) {
            throw new IOException(file + " holds " + length + " bytes to sort, not a whole number of 100-byte records");
        }
        long records = length / TeraRecords.RECORD_BYTES;
        long runRecords = Math.max(1, Math.min(memoryBudget / BYTES_PER_RECORD_SORTED,
                Integer.MAX_VALUE / TeraRecords.RECORD_BYTES));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (records <= runRecords) {
                byte[] data = new byte[(int) length];
                readFully(channel, offset, data, data.length, file);
                writeInOrder(data, (int) records, output::write);
                return 0;
            }
            List<Path> runs = new ArrayList<>();
            try {
                spillRuns(channel, file, offset, records, (int) runRecords, runs);
                merge(runs, output);
                return runs.size();
            } finally {
                for (Path run : runs) {
                    Files.deleteIfExists(run);
                }
            }
        }
    }

    /** Sorts the range in pieces of {@code runRecords} into run files (added to {@code runs} as they are made). */
    private void spillRuns(FileChannel channel, Path file, long offset, long records, int runRecords, List<Path> runs)
            throws IOException {
        byte[] data = new byte[runRecords * TeraRecords.RECORD_BYTES];
        for (long done = 0; done < records; done += runRecords) {
            int count = (int) Math.min(runRecords, records - done);
            readFully(channel, offset + done * TeraRecords.RECORD_BYTES, data, count * TeraRecords.RECORD_BYTES, file);
            runs.add(writeRun(data, count));
        }
    }

    private interface RecordSink {
        void write(byte[] buffer, int offset, int length) throws IOException;
    }

    private static void writeInOrder(byte[] data, int count, RecordSink sink) throws IOException {
        TeraKeyOrder order = TeraKeyOrder.of(data, count);
        for (int rank = 0; rank < count; rank++) {
            sink.write(data, order.record(rank) * TeraRecords.RECORD_BYTES, TeraRecords.RECORD_BYTES);
        }
    }

    private Path writeRun(byte[] data, int count) throws IOException {
        Path run = Files.createTempFile(scratch, "terasort-run-", ".dat");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 20)) {
            writeInOrder(data, count, out::write);
        }
        return run;
    }

    private void merge(List<Path> runs, Output output) throws IOException {
        int bufferBytes = (int) Math.clamp(memoryBudget / (runs.size() + 1) / TeraRecords.RECORD_BYTES,
                1, MAX_MERGE_BUFFER_RECORDS) * TeraRecords.RECORD_BYTES;
        PriorityQueue<SortedRunReader> heads = new PriorityQueue<>(runs.size(),
                (a, b) -> TeraRecords.compareKeys(a.buffer(), a.offset(), b.buffer(), b.offset()));
        List<SortedRunReader> readers = new ArrayList<>();
        try {
            for (Path run : runs) {
                SortedRunReader reader = new SortedRunReader(run, bufferBytes);
                readers.add(reader);
                if (reader.advance()) {
                    heads.add(reader);
                }
            }
            while (!heads.isEmpty()) {
                SortedRunReader head = heads.poll();
                output.write(head.buffer(), head.offset(), TeraRecords.RECORD_BYTES);
                if (head.advance()) {
                    heads.add(head);
                }
            }
        } finally {
            for (SortedRunReader reader : readers) {
                reader.close();
            }
        }
    }

    /** Reads in slices: a heap buffer is read through a temporary direct buffer as large as the request. */
    static void readFully(FileChannel channel, long position, byte[] into, int length, Path file) throws IOException {
        int done = 0;
        while (done < length) {
            int read = channel.read(ByteBuffer.wrap(into, done, Math.min(READ_SLICE, length - done)), position + done);
            if (read < 0) {
                throw new IOException(file + " ended at " + (position + done) + " before the "
                        + length + " bytes to sort from offset " + position);
            }
            done += read;
        }
    }
}
