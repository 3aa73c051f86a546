package io.sectorsphere.bench.udt;

import java.util.List;

/**
 * The median and range of one flow's repeated measurements; runs that failed (NaN) are left out,
 * and with none left every figure is NaN.
 */
record Spread(double median, double min, double max, int runs) {

    static Spread of(List<Double> values) {
        List<Double> measured = values.stream().filter(value -> !Double.isNaN(value)).sorted().toList();
        if (measured.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = measured.size();
        double median = n % 2 == 1 ? measured.get(n / 2) : (measured.get(n / 2 - 1) + measured.get(n / 2)) / 2;
        return new Spread(median, measured.getFirst(), measured.getLast(), n);
    }
}
