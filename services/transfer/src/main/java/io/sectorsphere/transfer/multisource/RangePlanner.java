package io.sectorsphere.transfer.multisource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hands out the ranges of one file to the sources downloading it, each sized by what the asking
 * source can move in a fixed time, so a fast source takes large ranges and a slow one small ones
 * and all finish within about one range's time of each other. Near the end the ranges shrink to a
 * share of what is left, so no source starts a long range while the others run dry. The unfetched
 * rest of a failed range is handed out again, first.
 */
final class RangePlanner {

    private final long size;
    private final long minRange;
    private final long maxRange;
    private final Deque<ByteRange> returned = new ArrayDeque<>();
    /** Written byte ranges, start to end, merged: the head tells how much of the file is whole from 0. */
    private final NavigableMap<Long, Long> written = new TreeMap<>();
    private boolean closed;
    private long cursor;
    private long completed;
    private int inFlight;

    /** {@code present} bytes from the start are already there: only the rest is handed out. */
    RangePlanner(long size, long minRange, long maxRange, long present) {
        if (size < 0 || minRange < 1 || maxRange < minRange || present < 0 || present > size) {
            throw new IllegalArgumentException("need size >= 0, 1 <= minRange <= maxRange and 0 <= present <= size");
        }
        this.size = size;
        this.minRange = minRange;
        this.maxRange = maxRange;
        this.cursor = present;
        this.completed = present;
        markWritten(0, present);
    }

    /**
     * The next range for a source that would like {@code preferred} bytes, while {@code activeSources}
     * are still downloading; waits while nothing is left to hand out but ranges are still in flight
     * (one may fail and come back). Empty once nothing is left and nothing is in flight.
     */
    synchronized Optional<ByteRange> next(long preferred, int activeSources) throws InterruptedException {
        long want = Math.clamp(preferred, minRange, maxRange);
        while (true) {
            if (!returned.isEmpty()) {
                ByteRange range = returned.poll();
                if (range.length() > want) {
                    returned.addFirst(new ByteRange(range.offset() + want, range.length() - want));
                    range = new ByteRange(range.offset(), want);
                }
                inFlight++;
                return Optional.of(range);
            }
            if (cursor < size) {
                long remaining = size - cursor;
                long share = Math.max(minRange, ceilDiv(remaining, Math.max(1, activeSources)));
                long length = Math.min(Math.min(want, share), remaining);
                ByteRange range = new ByteRange(cursor, length);
                cursor += length;
                inFlight++;
                return Optional.of(range);
            }
            if (inFlight == 0) {
                return Optional.empty();
            }
            wait();
        }
    }

    synchronized void completed(ByteRange range) {
        inFlight--;
        completed += range.length();
        markWritten(range.offset(), range.length());
        notifyAll();
    }

    /** {@code range} failed after its first {@code done} bytes were written; the rest is handed out again. */
    synchronized void failed(ByteRange range, long done) {
        inFlight--;
        completed += done;
        markWritten(range.offset(), done);
        if (done < range.length()) {
            returned.add(new ByteRange(range.offset() + done, range.length() - done));
        }
        notifyAll();
    }

    /**
     * Waits until the bytes written from the start of the file reach beyond {@code position}, and
     * returns how far they reach; returns sooner, with what there is, once {@link #close}d.
     */
    synchronized long awaitWrittenBeyond(long position) throws InterruptedException {
        while (writtenPrefix() <= position && !closed) {
            wait();
        }
        return writtenPrefix();
    }

    /** No more ranges will be written: wakes whoever waits for the written prefix. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** How far the bytes written reach from the start of the file, without a gap. */
    synchronized long writtenPrefix() {
        Long end = written.get(0L);
        return end == null ? 0 : end;
    }

    private void markWritten(long offset, long length) {
        if (length == 0) {
            return;
        }
        long start = offset;
        long end = offset + length;
        Map.Entry<Long, Long> before = written.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
            written.remove(before.getKey());
        }
        for (Map.Entry<Long, Long> after = written.ceilingEntry(start); after != null && after.getKey() <= end;
             after = written.ceilingEntry(start)) {
            end = Math.max(end, after.getValue());
            written.remove(after.getKey());
        }
        written.put(start, end);
    }

    synchronized boolean complete() {
        return completed == size;
    }

    synchronized long completedBytes() {
        return completed;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
