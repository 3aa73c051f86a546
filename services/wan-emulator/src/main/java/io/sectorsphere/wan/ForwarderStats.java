package io.sectorsphere.wan;

import java.util.HashMap;
import java.util.Map;

/**
 * The forwarder's counters for both directions, as of one stats line.
 *
 * @param cpuSeconds    CPU time the forwarder used, including the kernel's receive path it runs when
 *                      writing packets into a TUN device
 * @param uptimeSeconds time since the forwarder started
 */
public record ForwarderStats(DirectionStats aToB, DirectionStats bToA, double cpuSeconds, double uptimeSeconds) {

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
        Map<String, String> fields = new HashMap<>();
        for (String token : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return new ForwarderStats(direction(fields, "ab", line), direction(fields, "ba", line),
                Double.parseDouble(field(fields, "cpu_seconds", line)), Double.parseDouble(field(fields, "uptime_seconds", line)));
    }

    private static DirectionStats direction(Map<String, String> fields, String prefix, String line) {
        return new DirectionStats(
                counter(fields, prefix + "_packets_in", line), counter(fields, prefix + "_bytes_in", line),
                counter(fields, prefix + "_forwarded", line), counter(fields, prefix + "_bytes_forwarded", line),
                counter(fields, prefix + "_lost", line), counter(fields, prefix + "_queue_drops", line),
                counter(fields, prefix + "_ring_drops", line), counter(fields, prefix + "_write_drops", line));
    }

    private static long counter(Map<String, String> fields, String name, String line) {
        return Long.parseLong(field(fields, name, line));
    }

    private static String field(Map<String, String> fields, String name, String line) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stats line without " + name + ": " + line);
        }
        return value;
    }
}
