package io.sectorsphere.udt.interop;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a peer reports when a transfer ends, parsed from its last stderr line:
 * {@code done bytes=N seconds=S cpu_seconds=C mbps=M}.
 *
 * <p>The same line is printed by the C++ libudt peer and by the project's own UDT perf tool, so
 * benchmarks compare both through this one record.
 */
public record PeerResult(long bytes, double seconds, double cpuSeconds, double mbps) {

    public static final String PREFIX = "done ";

    /** True for the line a peer prints when it finishes. */
    public static boolean isDoneLine(String line) {
        return line.startsWith(PREFIX);
    }

    public static PeerResult parse(String line) {
        if (!isDoneLine(line)) {
            throw new IllegalArgumentException("not a done line: " + line);
        }
        Map<String, String> fields = new HashMap<>();
        for (String token : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        try {
            return new PeerResult(
                    Long.parseLong(required(fields, "bytes", line)),
                    Double.parseDouble(required(fields, "seconds", line)),
                    Double.parseDouble(required(fields, "cpu_seconds", line)),
                    Double.parseDouble(required(fields, "mbps", line)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed done line: " + line, e);
        }
    }

    /** The line a peer prints for this result, in the shared format. */
    public String toLine() {
        return String.format(Locale.ROOT, "done bytes=%d seconds=%.3f cpu_seconds=%.3f mbps=%.2f",
                bytes, seconds, cpuSeconds, mbps);
    }

    /** CPU seconds spent per 10^9 bytes moved; infinite when nothing moved. */
    public double cpuSecondsPerGigabyte() {
        return bytes == 0 ? Double.POSITIVE_INFINITY : cpuSeconds / (bytes / 1e9);
    }

    private static String required(Map<String, String> fields, String name, String line) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("done line without " + name + ": " + line);
        }
        return value;
    }
}
