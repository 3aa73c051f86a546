package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The reduce side of word count: over lines {@code key\tcount} in any order (a bucket file, one
 * {@code FILE} unit each), writes {@code key\tsum} once per key of the unit, sorted by key. When
 * the sums of a unit outgrow {@code memory=BYTES} (default 64m) they are spilled as sorted runs
 * to the scratch directory and merged ({@link SortedSumRuns}).
 */
public final class SumOperator implements SphereFunction {

    /** A rough cost of one map entry besides the key's characters: entry, String, array, counter. */
    private static final int ENTRY_OVERHEAD_BYTES = 120;

    private long memoryBudget;

    @Override
    public void open(Context context) {
        memoryBudget = new OperatorParameters("sum", context.parameterText(), "memory").size("memory", 64L << 20);
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        Map<String, long[]> sums = new HashMap<>();
        long memory = 0;
        try (SortedSumRuns runs = new SortedSumRuns(context.scratchDirectory())) {
            Records records = input.records();
            while (records.next()) {
                String line = records.text();
                int tab = line.lastIndexOf('\t');
                long count = parseCount(line, tab, input);
                long[] sum = sums.get(line.substring(0, tab));
                if (sum == null) {
                    sums.put(line.substring(0, tab), new long[] {count});
                    memory += ENTRY_OVERHEAD_BYTES + 2L * tab;
                } else {
                    sum[0] = Math.addExact(sum[0], count);
                }
                if (memory > memoryBudget) {
                    runs.spill(sums);
                    sums.clear();
                    memory = 0;
                }
            }
            runs.writeMerged(sums, output);
        }
    }

    private static long parseCount(String line, int tab, Input input) {
        if (tab >= 0) {
            try {
                return Long.parseLong(line.substring(tab + 1).trim());
            } catch (NumberFormatException e) {
                // reported below with the line
            }
        }
        throw new IllegalArgumentException("sum: a line of " + input.fileName()
                + " is not 'key<TAB>count': '" + abbreviate(line) + "'");
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
