package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextOperatorsTest {

    private static final String TEXT = """
            The quick brown fox jumps over the lazy dog.
            Über straße: Café, café; naïve ÉTÉ été!\r
            Numbers 42 and 042, x42y, Ω-mega ωmega
            the end, THE END
            error: disk 3 failed
            no newline at the end""";

    @TempDir
    Path scratch;

    private static List<String> inputLines() {
        return List.of(TEXT.split("(?<=\n)"));
    }

    @Test
    void identityCopiesEveryRecordAndBucketsEqualRecordsTogether() throws Exception {
        String text = TEXT + "\nThe quick brown fox jumps over the lazy dog.\n";
        assertThat(String.join("", OperatorRun.run("identity", "", 0, scratch, TestInput.lines("t", TEXT)).lines()))
                .isEqualTo(TEXT);
        CollectingOutput bucketed = OperatorRun.run("identity", "", 3, scratch, TestInput.lines("t", text));
        List<String> all = new ArrayList<>();
        Map<String, Integer> bucketOf = new HashMap<>();
        for (int b = 0; b < 3; b++) {
            for (String line : bucketed.bucketLines(b)) {
                all.add(line);
                assertThat(bucketOf.putIfAbsent(line, b)).as("bucket of %s", line).isIn(null, b);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(List.of(text.split("(?<=\n)")));
        assertThat(bucketed.buckets().size()).isGreaterThan(1);
    }

    @Test
    void grepKeepsTheRecordsWithAMatchWhole() throws Exception {
        String regex = "(?i)the\\b|\\d{3}";
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        List<String> expected = inputLines().stream().filter(l -> pattern.matcher(l.strip()).find()).toList();
        CollectingOutput output = OperatorRun.run("grep", regex, 0, scratch, TestInput.lines("t", TEXT));
        assertThat(output.lines()).isEqualTo(expected).isNotEmpty().hasSizeLessThan(inputLines().size());
    }

    @Test
    void grepWithoutAValidRegexIsRefused() {
        assertThatThrownBy(() -> OperatorRun.run("grep", "", 0, scratch, List.of())).hasMessageContaining("needs a regular expression");
        assertThatThrownBy(() -> OperatorRun.run("grep", "a(", 0, scratch, List.of())).hasMessageContaining("not a regular expression");
    }

    /** Word counts by a plain pass: lower-case, split on anything but letters and digits. */
    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String word : TEXT.split("[^\\p{L}\\p{Nd}]+")) {
            if (!word.isEmpty()) {
                counts.merge(word.toLowerCase(Locale.ROOT), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> sums = new TreeMap<>();
        for (String line : lines) {
            String[] parts = line.strip().split("\t");
            sums.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
        }
        return sums;
    }

    @Test
    void wordcountThenSumCountsEveryWord() throws Exception {
        // Two units per processing element, flushing every 5 words, into 3 buckets.
        List<TestInput> units = List.of(TestInput.lines("a", TEXT), TestInput.lines("b", TEXT));
        CollectingOutput counted = OperatorRun.run("wordcount", "max-words=5", 3, scratch, units);
        Map<String, Long> total = new TreeMap<>();
        for (int b = 0; b < 3; b++) {
            List<String> bucket = counted.bucketLines(b);
            for (String memory : List.of("", "memory=200")) { // in memory, and spilling every few keys
                CollectingOutput summed = OperatorRun.run("sum", memory, 0, scratch,
                        TestInput.lines("bucket-" + b, String.join("", bucket)));
                List<String> keys = summed.lines().stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
                assertThat(keys).as("bucket %d with %s", b, memory).isSorted().doesNotHaveDuplicates();
                assertThat(parse(summed.lines())).isEqualTo(parse(bucket));
                if (memory.isEmpty()) {
                    parse(summed.lines()).forEach((word, count) ->
                            assertThat(total.put(word, count)).as("%s in one bucket only", word).isNull());
                }
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        expectedCounts().forEach((word, count) -> expected.put(word, 2 * count));
        assertThat(total).isEqualTo(expected).containsEntry("the", 10L).containsEntry("café", 4L).containsEntry("042", 2L);
    }

    @Test
    void wordcountWithoutBucketsWritesToTheOutput() throws Exception {
        CollectingOutput counted = OperatorRun.run("wordcount", "", 0, scratch, TestInput.lines("a", TEXT));
        assertThat(parse(counted.lines())).isEqualTo(expectedCounts());
    }

    @Test
    void sumRefusesALineWithoutACount() {
        assertThatThrownBy(() -> OperatorRun.run("sum", "", 0, scratch, TestInput.lines("bucket-7", "a\t1\nb 2\n")))
                .hasMessageContaining("bucket-7").hasMessageContaining("'b 2'");
    }

    @Test
    void theRegistryKnowsEveryBuiltInAndMakesFreshInstances() {
        assertThat(BuiltInOperators.names()).containsExactly("grep", "identity", "stream", "sum", "teragen",
                "terasort-bucket", "terasort-sort", "teravalidate", "wordcount");
        assertThat(BuiltInOperators.create("nope")).isEmpty();
        assertThat(BuiltInOperators.create("wordcount").orElseThrow())
                .isNotSameAs(BuiltInOperators.create("wordcount").orElseThrow());
    }
}
