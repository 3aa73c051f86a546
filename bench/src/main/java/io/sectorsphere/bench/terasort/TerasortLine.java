package io.sectorsphere.bench.terasort;

import java.util.Locale;

/** A case's output line, {@code key=value} pairs in the order added; NaN prints as {@code n/a}. */
final class TerasortLine {

    private final StringBuilder line = new StringBuilder();

    TerasortLine(String caseName) {
        line.append("case=").append(caseName);
    }

    TerasortLine put(String key, Object value) {
        line.append(' ').append(key).append('=').append(value);
        return this;
    }

    /** {@code NAME_s=median NAME_min=… NAME_max=…} in seconds. */
    TerasortLine times(String name, Samples samples) {
        return number(name + "_s", samples.median(), "%.2f").number(name + "_min", samples.min(), "%.2f")
                .number(name + "_max", samples.max(), "%.2f");
    }

    TerasortLine ratio(String key, double value) {
        return number(key, value, "%.3f");
    }

    TerasortLine number(String key, double value, String format) {
        return put(key, Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, format, value));
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
