package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.runtime.records.RecordFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An attempt's output files: {@code out} for records without a bucket, {@code bucket-NNNNN} per
 * bucket written to, each created on its first record.
 */
final class AttemptOutput implements Output, AutoCloseable {

    static final String DEFAULT_FILE = "out";

    private final Path directory;
    private final boolean writeIndex;
    private final RecordFileWriter[] buckets;
    private RecordFileWriter out;
    private long resumeAt = -1;

    AttemptOutput(Path directory, int bucketCount, boolean writeIndex) {
        this.directory = directory;
        this.writeIndex = writeIndex;
        this.buckets = new RecordFileWriter[bucketCount];
    }

    static String bucketFile(int bucket) {
        return "bucket-" + String.format(Locale.ROOT, "%05d", bucket);
    }

    @Override
    public void write(byte[] record, int offset, int length) throws IOException {
        if (buckets.length > 0) {
            throw new IllegalStateException("this stage writes to " + buckets.length + " buckets: name one");
        }
        if (out == null) {
            out = RecordFileWriter.create(directory.resolve(DEFAULT_FILE), writeIndex);
        }
        out.append(record, offset, length);
    }

    @Override
    public void write(int bucket, byte[] record, int offset, int length) throws IOException {
        if (bucket < 0 || bucket >= buckets.length) {
            throw new IllegalArgumentException(buckets.length == 0
                    ? "this stage has no buckets, but a record was written to bucket " + bucket
                    : "bucket " + bucket + " lies outside 0.." + (buckets.length - 1));
        }
        RecordFileWriter writer = buckets[bucket];
        if (writer == null) {
            writer = RecordFileWriter.create(directory.resolve(bucketFile(bucket)), writeIndex);
            buckets[bucket] = writer;
        }
        writer.append(record, offset, length);
    }

    @Override
    public void resumeAt(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a resume position must not be negative");
        }
        resumeAt = position;
    }

    /** The position asked for since the last call, or -1; clears it. */
    long takeResumePosition() {
        long position = resumeAt;
        resumeAt = -1;
        return position;
    }

    long records() {
        long records = out == null ? 0 : out.records();
        for (RecordFileWriter bucket : buckets) {
            records += bucket == null ? 0 : bucket.records();
        }
        return records;
    }

    long bytes() {
        long bytes = out == null ? 0 : out.bytes();
        for (RecordFileWriter bucket : buckets) {
            bytes += bucket == null ? 0 : bucket.bytes();
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RecordFileWriter writer : buckets) {
            failure = closeQuietly(writer, failure);
        }
        failure = closeQuietly(out, failure);
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException closeQuietly(RecordFileWriter writer, IOException failure) {
        if (writer == null) {
            return failure;
        }
        try {
            writer.close();
            return failure;
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
                return failure;
            }
            return e;
        }
    }
}
