package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;

/**
 * TeraGen: each input record is a line {@code START COUNT} (decimal, may be space padded, as the
 * CLI's fixed-width {@code %020d %020d} lines are), and writes the 100-byte rows {@code START ..
 * START+COUNT-1} of Hadoop's TeraGen ({@link TeraRowGenerator}) to the output.
 */
public final class TeraGenOperator implements SphereFunction {

    @Override
    public void open(Context context) {
        if (context.bucketCount() > 0) {
            throw new IllegalArgumentException("teragen writes its rows to local output, not to buckets");
        }
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        byte[] row = TeraRowGenerator.newRowBuffer();
        Records records = input.records();
        while (records.next()) {
            String line = records.text().strip();
            if (line.isEmpty()) {
                continue;
            }
            long[] range = parse(line, input.fileName());
            TeraRowGenerator generator = new TeraRowGenerator(range[0]);
            for (long i = 0; i < range[1]; i++) {
                generator.next(row);
                output.write(row, 0, row.length);
            }
        }
    }

    private static long[] parse(String line, String file) {
        String[] words = line.split("\\s+");
        try {
            if (words.length == 2) {
                long start = Long.parseLong(words[0]);
                long count = Long.parseLong(words[1]);
                if (start >= 0 && count >= 0 && start + count >= start) {
                    return new long[] {start, count};
                }
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new IllegalArgumentException("teragen: a line of " + file + " is not 'START COUNT' (rows): '" + line + "'");
    }
}
