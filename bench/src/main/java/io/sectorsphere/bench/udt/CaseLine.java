package io.sectorsphere.bench.udt;

import java.util.Locale;

/** One case's output line, {@code key=value} pairs in the order added; NaN prints as {@code n/a}. */
final class CaseLine {

    private final StringBuilder line = new StringBuilder();

    CaseLine(String caseName) {
        line.append("case=").append(caseName);
    }

    CaseLine put(String key, String value) {
        line.append(' ').append(key).append('=').append(value);
        return this;
    }

    CaseLine mbps(String key, double value) {
        return put(key, Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value));
    }

    CaseLine ratio(String key, double value) {
        return put(key, Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value));
    }

    /** {@code <name>_mbps=<median> <name>_min=… <name>_max=…}. */
    CaseLine mbps(String name, Spread spread) {
        return mbps(name + "_mbps", spread.median()).mbps(name + "_min", spread.min()).mbps(name + "_max", spread.max());
    }

    /** {@code <key>=<median> <key>_min=… <key>_max=…}. */
    CaseLine ratio(String key, Spread spread) {
        return ratio(key, spread.median()).ratio(key + "_min", spread.min()).ratio(key + "_max", spread.max());
    }

    /** Adds {@code key="reason"} only when there is a reason. */
    CaseLine error(String key, String reason) {
        return reason == null ? this : put(key, '"' + reason + '"');
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
