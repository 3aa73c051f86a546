package io.sectorsphere.sphere.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineRecordCursorTest {

    private static final RecordFormat LINES = RecordFormat.lines();

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("text"), text, StandardCharsets.UTF_8);
    }

    @Test
    void emptyFileHasNoLines() throws IOException {
        Path file = write("");
        assertThat(RecordsReading.read(file, LINES, 0, 0)).isEmpty();
        assertThat(RecordsReading.read(file, LINES, 0, 100)).isEmpty();
    }

    @Test
    void lastLineWithoutLineBreakIsARecord() throws IOException {
        Path file = write("alpha\nbeta");
        assertThat(RecordsReading.text(file, LINES, 0, 10)).containsExactly("alpha\n", "beta");
    }

    @Test
    void aLineBelongsToTheRangeItStartsIn() throws IOException {
        Path file = write("alpha\nbeta\ngamma\n"); // lines start at 0, 6, 11
        assertThat(RecordsReading.text(file, LINES, 0, 3)).containsExactly("alpha\n");
        assertThat(RecordsReading.text(file, LINES, 3, 3)).isEmpty();
        assertThat(RecordsReading.text(file, LINES, 3, 4)).containsExactly("beta\n");
        assertThat(RecordsReading.text(file, LINES, 6, 5)).containsExactly("beta\n");
        assertThat(RecordsReading.text(file, LINES, 6, 6)).containsExactly("beta\n", "gamma\n");
        assertThat(RecordsReading.text(file, LINES, 11, 100)).containsExactly("gamma\n");
        assertThat(RecordsReading.text(file, LINES, 12, 100)).isEmpty();
    }

    @Test
    void crlfLinesKeepTheirBreakAndACutBetweenCrAndLfSplitsNothing() throws IOException {
        Path file = write("one\r\ntwo\r\n"); // '\n' at 4, second line starts at 5
        assertThat(RecordsReading.text(file, LINES, 0, 4)).containsExactly("one\r\n");
        assertThat(RecordsReading.text(file, LINES, 4, 6)).containsExactly("two\r\n");
        try (RecordCursor cursor = RecordReaders.open(file, LINES, 0, 10)) {
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.text()).isEqualTo("one");
        }
    }

    @Test
    void everyCutOfAFileYieldsEachLineOnce() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String line = "x".repeat(random.nextInt(12)) + i + (random.nextInt(5) == 0 ? "\r\n" : "\n");
            lines.add(line);
            text.append(line);
        }
        text.append("tail");
        lines.add("tail");
        Path file = write(text.toString());
        long size = Files.size(file);
        for (int segments = 1; segments <= 40; segments += 3) {
            List<String> seen = new ArrayList<>();
            long step = Math.ceilDiv(size, segments);
            for (long offset = 0; offset < size; offset += step) {
                seen.addAll(RecordsReading.text(file, LINES, offset, Math.min(step, size - offset)));
            }
            assertThat(seen).as("%d segments", segments).isEqualTo(lines);
        }
    }

    @Test
    void linesLongerThanTheReadBufferComeWhole() throws IOException {
        String longLine = "y".repeat(3 << 20) + "\n";
        Path file = write("a\n" + longLine + "b\n");
        assertThat(RecordsReading.text(file, LINES, 0, Files.size(file))).containsExactly("a\n", longLine, "b\n");
        assertThat(RecordsReading.text(file, LINES, 5, 1 << 20)).isEmpty();
        assertThat(RecordsReading.text(file, LINES, 5, 3 << 20)).containsExactly("b\n");
    }

    @Test
    void aLineOverTheLimitIsAnErrorNamingFileAndOffset() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("ok\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[FileWindow.MAX_RECORD_BYTES + 10]);
        Path file = Files.write(dir.resolve("huge"), bytes.toByteArray());
        try (RecordCursor cursor = RecordReaders.open(file, LINES, 0, 10)) {
            assertThat(cursor.next()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(cursor::next)
                    .hasMessageContaining(file.toString()).hasMessageContaining("offset 3");
        }
    }
}
