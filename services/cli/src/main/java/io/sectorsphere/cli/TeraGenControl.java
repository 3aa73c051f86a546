package io.sectorsphere.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The control file of a TeraGen job: a fixed-width line {@code %020d %020d\n} (first row, row count)
 * per part, 42 bytes each, so that the job can cut one segment per line and each segment's
 * {@code teragen} call writes its part.
 */
final class TeraGenControl {

    /** The length of a line, the record size of the job's input. */
    static final int LINE_BYTES = 42;
    /** A part of at most this many rows (200 MB) keeps a segment's work in proportion. */
    static final long MAX_ROWS_PER_PART = 2_000_000;

    private TeraGenControl() {
    }

    /** Two parts per node, so that every node has work while another finishes, more for many rows. */
    static int defaultParts(long rows, int nodes) {
        long byNodes = 2L * Math.max(nodes, 1);
        long bySize = (rows + MAX_ROWS_PER_PART - 1) / MAX_ROWS_PER_PART;
        return (int) Math.min(Math.max(byNodes, bySize), Math.max(rows, 1));
    }

    /**
     * The lines: rows 0..rows-1 in {@code parts} runs as equal as can be.
     *
     * @throws IllegalArgumentException if rows is not positive, or parts not in 1..rows
     */
    static List<String> lines(long rows, int parts) {
        if (rows < 1 || parts < 1 || parts > rows) {
            throw new IllegalArgumentException("teragen needs at least one row and 1 to " + rows + " parts, not "
                    + parts);
        }
        long base = rows / parts;
        long remainder = rows % parts;
        List<String> lines = new ArrayList<>(parts);
        long start = 0;
        for (int i = 0; i < parts; i++) {
            long count = base + (i < remainder ? 1 : 0);
            lines.add(String.format(Locale.ROOT, "%020d %020d\n", start, count));
            start += count;
        }
        return lines;
    }
}
