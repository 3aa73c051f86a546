package io.sectorsphere.udt.interop;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-of-test totals of an {@code iperf3 -J} client run.
 *
 * @param sentBitsPerSecond     what the sender pushed ({@code end.sum_sent})
 * @param receivedBitsPerSecond what the receiver got ({@code end.sum_received}): the goodput to compare
 * @param retransmits           TCP retransmissions reported by the sender, or -1 when iperf3 gives none (UDP)
 */
public record Iperf3Result(double sentBitsPerSecond, double receivedBitsPerSecond, long retransmits) {

    // iperf3's sum objects are flat (numbers and booleans only), so a field can be read without a JSON
    // library: take the object's body up to its closing brace, then the field inside it.
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

    public double receivedMbps() {
        return receivedBitsPerSecond / 1e6;
    }

    /** Parses the JSON that {@code iperf3 -c ... -J} prints; fails with iperf3's own error when it reports one. */
    public static Iperf3Result parse(String json) {
        Matcher error = ERROR.matcher(json);
        if (error.find()) {
            throw new IllegalArgumentException("iperf3: " + error.group(1));
        }
        String sent = flatObject(json, "sum_sent")
                .orElseThrow(() -> new IllegalArgumentException("no end.sum_sent in iperf3 output"));
        String received = flatObject(json, "sum_received")
                .orElseThrow(() -> new IllegalArgumentException("no end.sum_received in iperf3 output"));
        return new Iperf3Result(
                number(sent, "bits_per_second").orElseThrow(),
                number(received, "bits_per_second").orElseThrow(),
                number(sent, "retransmits").map(Double::longValue).orElse(-1L));
    }

    private static Optional<String> flatObject(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\\{([^{}]*)\\}").matcher(json);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Double> number(String body, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(body);
        return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
    }
}
