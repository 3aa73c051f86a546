package io.sectorsphere.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The check across segments that completes a TeraValidate job: each segment of the sorted output
 * reports one line {@code file offset records first_key_hex last_key_hex unsorted_pairs checksum_hex};
 * here the segments are put in (file name, offset) order, which is key order if the output is sorted,
 * and each segment's first key is compared with the last key before it, across file boundaries too.
 * The checksum is the sum of the segments' CRC32 sums, as an unsigned 128-bit integer like Hadoop's.
 */
final class TeraValidateCheck {

    private static final BigInteger CHECKSUM_MODULUS = BigInteger.ONE.shiftLeft(128);
    private static final HexFormat HEX = HexFormat.of();

    /** One segment's summary line. Keys are absent (null) in a segment without records. */
    record Segment(String file, long offset, long records, byte[] firstKey, byte[] lastKey, long unsortedPairs,
                   BigInteger checksum) {

        String where() {
            return file + " at offset " + offset;
        }
    }

    /**
     * The outcome.
     *
     * @param violation the first place out of order, or null when the whole output is sorted
     */
    record Outcome(long records, BigInteger checksum, String violation) {

        boolean sorted() {
            return violation == null;
        }

        /** {@code teravalidate records=N checksum=<hex> sorted=yes}. */
        String line() {
            return "teravalidate records=" + records + " checksum=" + checksum.toString(16) + " sorted="
                    + (sorted() ? "yes" : "no");
        }
    }

    private TeraValidateCheck() {
    }

    /**
     * Parses the job's output, one summary line per segment, in any order.
     *
     * @throws IllegalArgumentException if a line is not a summary
     */
    static List<Segment> parse(String results) {
        List<Segment> segments = new ArrayList<>();
        for (String line : results.split("\n")) {
            if (!line.isBlank()) {
                segments.add(parseLine(line.strip()));
            }
        }
        return segments;
    }

    static Outcome check(List<Segment> segments) {
        List<Segment> ordered = segments.stream()
                .sorted(Comparator.comparing(Segment::file).thenComparingLong(Segment::offset)).toList();
        long records = 0;
        BigInteger checksum = BigInteger.ZERO;
        String violation = null;
        Segment previous = null;
        for (Segment segment : ordered) {
            records += segment.records();
            checksum = checksum.add(segment.checksum()).mod(CHECKSUM_MODULUS);
            if (violation == null && segment.unsortedPairs() > 0) {
                violation = segment.where() + ": " + segment.unsortedPairs() + " records follow a larger key";
            }
            if (segment.records() == 0) {
                continue;
            }
            if (violation == null && previous != null
                    && Arrays.compareUnsigned(previous.lastKey(), segment.firstKey()) > 0) {
                violation = segment.where() + " starts with key " + HEX.formatHex(segment.firstKey())
                        + ", smaller than the last key " + HEX.formatHex(previous.lastKey()) + " of "
                        + previous.where();
            }
            previous = segment;
        }
        return new Outcome(records, checksum, violation);
    }

    private static Segment parseLine(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 7) {
            throw new IllegalArgumentException("teravalidate: not a segment summary (7 fields expected): " + line);
        }
        try {
            long records = Long.parseLong(fields[2]);
            boolean empty = records == 0;
            return new Segment(fields[0], Long.parseLong(fields[1]), records,
                    empty ? null : HEX.parseHex(fields[3]), empty ? null : HEX.parseHex(fields[4]),
                    Long.parseLong(fields[5]), new BigInteger(fields[6], 16));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("teravalidate: not a segment summary (" + e.getMessage() + "): "
                    + line, e);
        }
    }
}
