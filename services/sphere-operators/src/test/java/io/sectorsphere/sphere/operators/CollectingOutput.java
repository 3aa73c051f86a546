package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps copies of every record written, unbucketed or per bucket; refuses buckets out of range. */
final class CollectingOutput implements Output {

    private final int buckets;
    private final List<byte[]> records = new ArrayList<>();
    private final Map<Integer, List<byte[]>> bucketRecords = new TreeMap<>();

    CollectingOutput(int buckets) {
        this.buckets = buckets;
    }

    @Override
    public void write(byte[] record, int offset, int length) {
        records.add(Arrays.copyOfRange(record, offset, offset + length));
    }

    @Override
    public void write(int bucket, byte[] record, int offset, int length) {
        if (bucket < 0 || bucket >= buckets) {
            throw new IllegalArgumentException("bucket " + bucket + " of " + buckets);
        }
        bucketRecords.computeIfAbsent(bucket, b -> new ArrayList<>()).add(Arrays.copyOfRange(record, offset, offset + length));
    }

    @Override
    public void resumeAt(long position) {
        throw new UnsupportedOperationException("no built-in operator resumes");
    }

    List<byte[]> records() {
        return records;
    }

    List<String> lines() {
        return text(records);
    }

    Map<Integer, List<byte[]>> buckets() {
        return bucketRecords;
    }

    List<String> bucketLines(int bucket) {
        return text(bucketRecords.getOrDefault(bucket, List.of()));
    }

    static List<String> text(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }
}
