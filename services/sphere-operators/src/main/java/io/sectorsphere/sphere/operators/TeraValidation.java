package io.sectorsphere.sphere.operators;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * TeraValidate's reduce side, a pure function of the segment summaries: the records are sorted
 * when every segment is sorted within, and each non-empty segment's first key is at least the last
 * key before it, in file-name then offset order (so across bucket files too); the segments of a
 * file must also follow one another without gap or overlap. Adds up the record counts and
 * checksums, to compare with TeraGen's.
 */
public final class TeraValidation {

    private TeraValidation() {
    }

    /** What one segment's validation found. Its line: {@code file offset records first last unsorted checksum}. */
    public record SegmentSummary(String file, long offset, long records, byte[] firstKey, byte[] lastKey,
                                 long unsortedPairs, BigInteger checksum) {

        private static final String NONE = "-";

        String toLine() {
            return String.join(" ", file, Long.toString(offset), Long.toString(records), hex(firstKey), hex(lastKey),
                    Long.toString(unsortedPairs), checksum.toString(16));
        }

        /** Parses a summary line; the file name is everything before the last six fields, spaces and all. */
        public static SegmentSummary parse(String line) {
            String[] words = line.strip().split(" ");
            if (words.length < 7) {
                throw new IllegalArgumentException("not a teravalidate summary line: '" + line + "'");
            }
            int n = words.length;
            try {
                return new SegmentSummary(String.join(" ", Arrays.copyOfRange(words, 0, n - 6)),
                        Long.parseLong(words[n - 6]), Long.parseLong(words[n - 5]), key(words[n - 4]), key(words[n - 3]),
                        Long.parseLong(words[n - 2]), new BigInteger(words[n - 1], 16));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a teravalidate summary line: '" + line + "'", e);
            }
        }

        private static String hex(byte[] key) {
            return key == null ? NONE : HexFormat.of().formatHex(key);
        }

        private static byte[] key(String word) {
            return word.equals(NONE) ? null : HexFormat.of().parseHex(word);
        }

        long end() {
            return offset + records * TeraRecords.RECORD_BYTES;
        }
    }

    /**
     * The verdict.
     *
     * @param problem the first violation found, null when sorted and whole
     */
    public record Result(long records, BigInteger checksum, String problem) {

        public boolean sorted() {
            return problem == null;
        }

        /** In lower-case hex without leading zeros, as TeraValidate prints it. */
        public String checksumHex() {
            return checksum.toString(16);
        }
    }

    /** Checks the summary lines of every segment of the output, in any order. */
    public static Result check(List<String> summaryLines) {
        List<SegmentSummary> segments = new ArrayList<>(summaryLines.stream().map(SegmentSummary::parse).toList());
        segments.sort(Comparator.comparing(SegmentSummary::file).thenComparingLong(SegmentSummary::offset));
        TeraChecksum checksum = new TeraChecksum();
        long records = 0;
        String problem = null;
        SegmentSummary previous = null;
        SegmentSummary lastNonEmpty = null;
        for (SegmentSummary segment : segments) {
            records += segment.records();
            checksum.add(segment.checksum());
            if (problem == null) {
                problem = problemAt(segment, previous, lastNonEmpty);
            }
            previous = segment;
            if (segment.records() > 0) {
                lastNonEmpty = segment;
            }
        }
        return new Result(records, checksum.value(), problem);
    }

    private static String problemAt(SegmentSummary segment, SegmentSummary previous, SegmentSummary lastNonEmpty) {
        String where = segment.file() + " at offset " + segment.offset();
        if (segment.unsortedPairs() > 0) {
            return segment.unsortedPairs() + " neighbouring records out of order in " + where;
        }
        long expectedOffset = previous != null && previous.file().equals(segment.file()) ? previous.end() : 0;
        if (segment.offset() != expectedOffset) {
            return "no segment covers " + segment.file() + " from " + expectedOffset + " to " + segment.offset()
                    + " (or two cover it)";
        }
        if (segment.records() > 0 && lastNonEmpty != null
                && Arrays.compareUnsigned(lastNonEmpty.lastKey(), segment.firstKey()) > 0) {
            return "the first key " + HexFormat.of().formatHex(segment.firstKey()) + " of " + where
                    + " is below the last key " + HexFormat.of().formatHex(lastNonEmpty.lastKey()) + " before it, in "
                    + lastNonEmpty.file() + " at offset " + lastNonEmpty.offset();
        }
        return null;
    }
}
