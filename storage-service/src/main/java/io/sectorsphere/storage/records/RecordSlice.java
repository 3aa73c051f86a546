package io.sectorsphere.storage.records;

/**
 * Consecutive records of a file, as its index places them: record {@code from + i} spans bytes
 * [{@code offsets[i]}, {@code offsets[i + 1]}).
 *
 * @param total records in the file
 * @param offsets {@code count() + 1} offsets, non-decreasing, within the file
 */
public record RecordSlice(long total, long from, long[] offsets) {

    public int count() {
        return offsets.length - 1;
    }

    public long start() {
        return offsets[0];
    }

    public long end() {
        return offsets[offsets.length - 1];
    }

    public long offset(int i) {
        return offsets[i];
    }

    public long length(int i) {
        return offsets[i + 1] - offsets[i];
    }
}
