package io.sectorsphere.bench.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Measured rounds of several contenders (ours and its peers), each run once per round in an order
 * rotated from round to round, so that none always runs first or after the same neighbour. Every
 * contender gets the same warm-up: one unmeasured run before the first round.
 */
final class Rounds {

    /** A contender's results: median, lowest and highest, in its unit (MB/s here). */
    record Spread(double median, double min, double max) {

        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Spread(median, sorted[0], sorted[n - 1]);
        }

        /** {@code <key>_mbps=<median> <key>_range=<min>-<max>}. */
        String mbps(String key) {
            return String.format(Locale.ROOT, "%s_mbps=%.0f %s_range=%.0f-%.0f", key, median, key, min, max);
        }
    }

    private Rounds() {
    }

    /**
     * @param contenders name → one timed run, returning MB/s; in the order of the first round
     * @param progress   gets one line per round
     */
    static Map<String, Spread> run(String label, int rounds, Map<String, DoubleSupplier> contenders,
                                   Consumer<String> progress) {
        List<String> names = List.copyOf(contenders.keySet());
        for (String name : names) {
            contenders.get(name).getAsDouble();
        }
        progress.accept(label + ": warmed up");
        Map<String, double[]> results = new LinkedHashMap<>();
        names.forEach(name -> results.put(name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder(label + ": round " + round);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                double value = contenders.get(name).getAsDouble();
                results.get(name)[round] = value;
                line.append(String.format(Locale.ROOT, " %s=%.0f", name, value));
            }
            progress.accept(line + " MB/s");
        }
        Map<String, Spread> spreads = new LinkedHashMap<>();
        results.forEach((name, values) -> spreads.put(name, Spread.of(values)));
        return spreads;
    }
}
