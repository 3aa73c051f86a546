package io.sectorsphere.wan;

import java.util.HashMap;
import java.util.Map;

/** The forwarder's counters for both directions, as of one stats line. */
public record ForwarderStats(DirectionStats aToB, DirectionStats bToA) {

    private static final String PREFIX = "stats ";

    /**
     * Counters of one direction.
     *
     * @param packetsIn      packets read from the sending side's TUN
     * @param forwarded      packets written to the receiving side's TUN
     * @param lost           packets dropped by the configured random loss
     * @param queueDrops     packets dropped because the rate cap's queue was full
     * @param ringDrops      packets dropped because the delay line had no room (should stay 0)
     * @param writeDrops     packets the receiving TUN refused (e.g. while it was still down)
     */
    public record DirectionStats(long packetsIn, long bytesIn, long forwarded, long bytesForwarded, long lost,
                                 long queueDrops, long ringDrops, long writeDrops) {

        /** Every packet the forwarder dropped, for whatever reason. */
        public long dropped() {
            return lost + queueDrops + ringDrops + writeDrops;
        }
    }

    public static boolean isStatsLine(String line) {
        return line.startsWith(PREFIX);
    }

    public static ForwarderStats parse(String line) {
        if (!isStatsLine(line)) {
            throw new IllegalArgumentException("not a stats line: " + line);
        }
        Map<String, Long> fields = new HashMap<>();
        for (String token : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), Long.parseLong(token.substring(equals + 1)));
            }
        }
        return new ForwarderStats(direction(fields, "ab", line), direction(fields, "ba", line));
    }

    private static DirectionStats direction(Map<String, Long> fields, String prefix, String line) {
        return new DirectionStats(
                field(fields, prefix + "_packets_in", line), field(fields, prefix + "_bytes_in", line),
                field(fields, prefix + "_forwarded", line), field(fields, prefix + "_bytes_forwarded", line),
                field(fields, prefix + "_lost", line), field(fields, prefix + "_queue_drops", line),
                field(fields, prefix + "_ring_drops", line), field(fields, prefix + "_write_drops", line));
    }

    private static long field(Map<String, Long> fields, String name, String line) {
        Long value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stats line without " + name + ": " + line);
        }
        return value;
    }
}
