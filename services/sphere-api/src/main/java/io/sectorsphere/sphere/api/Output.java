package io.sectorsphere.sphere.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a function's output records go. Each call writes one whole record. Without buckets the
 * record goes to the job's destination (back to the caller, or to a file on this node); with
 * buckets it goes to the bucket given, which lives on whichever node owns it.
 */
public interface Output {

    void write(byte[] record, int offset, int length) throws IOException;

    /** @param bucket 0 .. {@link Context#bucketCount()} − 1 */
    void write(int bucket, byte[] record, int offset, int length) throws IOException;

    default void write(byte[] record) throws IOException {
        write(record, 0, record.length);
    }

    default void write(int bucket, byte[] record) throws IOException {
        write(bucket, record, 0, record.length);
    }

    /** Writes one line of text, adding the line break. */
    default void writeLine(String line) throws IOException {
        write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    default void writeLine(int bucket, String line) throws IOException {
        write(bucket, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * For {@link UnitKind#FILE}: asks to be called again with {@link Input#resumePosition()} at
     * {@code position}, to work through a large file in steps whose output is kept as it goes.
     */
    void resumeAt(long position);
}
