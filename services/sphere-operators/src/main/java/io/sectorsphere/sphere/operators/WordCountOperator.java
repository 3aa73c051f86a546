package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The map side of word count: the words of each text record ({@link WordTokenizer}), counted
 * within this instance and written as lines {@code word\tcount} when it closes or holds too many
 * words ({@code max-words=N}, default 2^20), to bucket hash(word) mod n, or to the output without
 * buckets. The same word may so appear in several lines; {@link SumOperator} adds them up.
 */
public final class WordCountOperator implements SphereFunction {

    private final Map<String, long[]> counts = new HashMap<>();
    private final WordTokenizer tokenizer = new WordTokenizer();
    private final Consumer<String> count = word -> counts.computeIfAbsent(word, w -> new long[1])[0]++;
    private long maxWords;

    @Override
    public void open(Context context) {
        maxWords = new OperatorParameters("wordcount", context.parameterText(), "max-words")
                .size("max-words", 1 << 20);
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        Records records = input.records();
        while (records.next()) {
            tokenizer.words(records.buffer(), records.offset(), records.length(), count);
            if (counts.size() >= maxWords) {
                flush(output, context);
            }
        }
    }

    @Override
    public void close(Output output, Context context) throws Exception {
        flush(output, context);
    }

    private void flush(Output output, Context context) throws IOException {
        int buckets = context.bucketCount();
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            String line = entry.getKey() + "\t" + entry.getValue()[0];
            if (buckets > 0) {
                output.writeLine(Buckets.of(entry.getKey(), buckets), line);
            } else {
                output.writeLine(line);
            }
        }
        counts.clear();
    }
}
