package io.sectorsphere.sphere.worker.job;

import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a stage's input into segments as Sphere does: the total size divided by the processing
 * elements, clamped to [S_min, S_max]; never across a file; on record boundaries (a fixed record
 * size, or the offsets of the file's record index; lines are cut anywhere and the reader moves to
 * the next line start). A {@link UnitKind#FILE} stage takes each file whole.
 */
public final class Segmenter {

    /** The record start offsets of a file, from its {@code .idx} (records + 1 entries, the last = size). */
    @FunctionalInterface
    public interface RecordIndexes {
        long[] offsets(InputFile file);
    }

    private final long min;
    private final long max;
    private final RecordIndexes indexes;

    public Segmenter(long min, long max, RecordIndexes indexes) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("segment sizes need 1 <= min <= max");
        }
        this.min = min;
        this.max = max;
        this.indexes = indexes;
    }

    /** The segment size for {@code totalBytes} of input over {@code elements} processing elements. */
    public long segmentSize(long totalBytes, int elements) {
        long share = Math.ceilDiv(Math.max(totalBytes, 1), Math.max(elements, 1));
        return Math.clamp(share, min, max);
    }

    public List<Segment> segments(List<InputFile> files, RecordFormat format, UnitKind unit, int elements) {
        long total = files.stream().mapToLong(InputFile::size).sum();
        long size = segmentSize(total, elements);
        List<Segment> segments = new ArrayList<>();
        for (InputFile file : files) {
            if (file.size() == 0) {
                continue;
            }
            if (unit == UnitKind.FILE) {
                segments.add(new Segment(segments.size(), file, 0, file.size()));
                continue;
            }
            for (long[] range : cut(file, format, size)) {
                segments.add(new Segment(segments.size(), file, range[0], range[1] - range[0]));
            }
        }
        return segments;
    }

    /** [start, end) byte ranges covering the file, each about {@code size} long. */
    private List<long[]> cut(InputFile file, RecordFormat format, long size) {
        long[] offsets = format.kind() == RecordFormat.Kind.INDEX ? checked(file, indexes.offsets(file)) : null;
        if (format.kind() == RecordFormat.Kind.FIXED && file.size() % format.size() != 0) {
            throw new IllegalArgumentException(file.name() + " is " + file.size() + " bytes, not a whole number of "
                    + format.size() + "-byte records");
        }
        int pieces = (int) Math.min(Integer.MAX_VALUE, Math.ceilDiv(file.size(), size));
        List<long[]> ranges = new ArrayList<>();
        long start = 0;
        for (int i = 1; i <= pieces && start < file.size(); i++) {
            long target = i == pieces ? file.size() : file.size() / pieces * i;
            long end = boundaryAtOrAfter(target, file.size(), format, offsets);
            if (end > start) {
                ranges.add(new long[] {start, end});
                start = end;
            }
        }
        return ranges;
    }

    private static long boundaryAtOrAfter(long position, long fileSize, RecordFormat format, long[] offsets) {
        if (position >= fileSize) {
            return fileSize;
        }
        return switch (format.kind()) {
            case LINES -> position;
            case FIXED -> Math.min(fileSize, Math.ceilDiv(position, format.size()) * format.size());
            case INDEX -> {
                int found = Arrays.binarySearch(offsets, position);
                yield offsets[found >= 0 ? found : -found - 1];
            }
        };
    }

    private static long[] checked(InputFile file, long[] offsets) {
        if (offsets.length < 1 || offsets[0] != 0 || offsets[offsets.length - 1] != file.size()) {
            throw new IllegalArgumentException("the record index of " + file.name() + " does not match the file: it "
                    + "must start at 0 and end at the file's size, " + file.size());
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("the record index of " + file.name() + " is not in order at entry " + i);
            }
        }
        return offsets;
    }
}
