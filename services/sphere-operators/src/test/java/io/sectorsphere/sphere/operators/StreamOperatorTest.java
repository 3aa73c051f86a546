package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamOperatorTest {

    @TempDir
    Path scratch;

    @Test
    void eachOutputLineOfTheCommandIsARecord() throws Exception {
        CollectingOutput output = OperatorRun.run("stream", "tr a-z A-Z", 0, scratch, TestInput.lines("t", "one\ntwo\nthree"));
        assertThat(output.lines()).containsExactly("ONE\n", "TWO\n", "THREE\n");
    }

    @Test
    void runsOncePerUnit() throws Exception {
        CollectingOutput output = OperatorRun.run("stream", "wc -l", 0, scratch,
                List.of(TestInput.lines("a", "1\n2\n"), TestInput.lines("b", "1\n2\n3\n")));
        assertThat(output.lines()).map(String::strip).containsExactly("2", "3");
    }

    @Test
    void withBucketsTheFirstTokenRoutesTheRestOfTheLine() throws Exception {
        String command = "while IFS= read -r line; do printf '%s\\t%s\\n' $(( ${#line} % 3 )) \"$line\"; done";
        List<String> words = List.of("a", "bb", "ccc", "dddd", "eeeee", "ffffff");
        CollectingOutput output = OperatorRun.run("stream", command, 3, scratch,
                TestInput.lines("t", String.join("\n", words) + "\n"));
        for (int b = 0; b < 3; b++) {
            int bucket = b;
            assertThat(output.bucketLines(b)).containsExactlyElementsOf(
                    words.stream().filter(w -> w.length() % 3 == bucket).map(w -> w + "\n").toList());
        }
    }

    @Test
    void aLargeInputThroughCatComesBackWhole() throws Exception {
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String line = String.format(Locale.ROOT, "line %08d of a test that outgrows every pipe buffer\n", i);
            text.append(line);
            lines.add(line);
        }
        CollectingOutput output = OperatorRun.run("stream", "cat", 0, scratch, TestInput.lines("big", text.toString()));
        assertThat(output.lines()).isEqualTo(lines);
    }

    @Test
    void aCommandMayStopReadingEarly() throws Exception {
        String text = "first\n" + "more\n".repeat(100_000);
        CollectingOutput output = OperatorRun.run("stream", "head -n 1", 0, scratch, TestInput.lines("t", text));
        assertThat(output.lines()).containsExactly("first\n");
    }

    @Test
    void aFailingCommandFailsTheAttemptWithItsStderr() {
        assertThatThrownBy(() -> OperatorRun.run("stream", "echo doing; echo 'disk on fire' >&2; exit 3", 0, scratch,
                TestInput.lines("t", "x\n")))
                .hasMessageContaining("exited with 3").hasMessageContaining("disk on fire");
    }

    @Test
    void anInputThatCannotBeReadFailsTheAttemptEvenWhenTheCommandSucceeds() {
        assertThatThrownBy(() -> OperatorRun.run("stream", "cat", 0, scratch, TestInput.unreadable("t", "disk gone")))
                .hasMessageContaining("disk gone");
    }

    @Test
    void aLineWithoutABucketIdIsNamed() {
        assertThatThrownBy(() -> OperatorRun.run("stream", "echo 'seven\tx'", 2, scratch, TestInput.lines("t", "x\n")))
                .hasMessageContaining("not a bucket id in 0..1").hasMessageContaining("seven");
        assertThatThrownBy(() -> OperatorRun.run("stream", "printf '5\\tx\\n'", 2, scratch, TestInput.lines("t", "x\n")))
                .hasMessageContaining("'5\tx'");
        assertThatThrownBy(() -> OperatorRun.run("stream", "", 0, scratch, List.of()))
                .hasMessageContaining("needs a shell command");
    }
}
