package io.sectorsphere.bench.udt;

import io.sectorsphere.bench.udt.FlowRun.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs each of a case's trials (a flow alone on the path, or flows side by side) {@code rounds}
 * times in alternating order — forward in even rounds, backward in odd ones — so that no trial
 * always follows the same one and drift over the case touches every trial alike.
 */
final class Rounds {

    private Rounds() {
    }

    /** Each label's results, in the order run; {@code trials} gives the first round's order. */
    static <T> Map<String, List<T>> run(Map<String, Supplier<T>> trials, int rounds) {
        Map<String, List<T>> results = new LinkedHashMap<>();
        trials.keySet().forEach(label -> results.put(label, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (String label : order(List.copyOf(trials.keySet()), round)) {
                results.get(label).add(trials.get(label).get());
            }
        }
        return results;
    }

    static List<String> order(List<String> labels, int round) {
        return round % 2 == 0 ? labels : labels.reversed();
    }

    /** The receiver's rates of {@code outcomes} as a spread. */
    static Spread mbps(List<Outcome> outcomes) {
        return Spread.of(outcomes.stream().map(Outcome::mbps).toList());
    }

    /** CPU seconds per 10^9 bytes of {@code outcomes} as a spread. */
    static Spread cpuPerGigabyte(List<Outcome> outcomes) {
        return Spread.of(outcomes.stream()
                .map(outcome -> outcome.ok() ? outcome.result().cpuSecondsPerGigabyte() : Double.NaN).toList());
    }

    /** The first reason a run failed, or null. */
    static String firstError(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::error).filter(error -> error != null).findFirst().orElse(null);
    }
}
