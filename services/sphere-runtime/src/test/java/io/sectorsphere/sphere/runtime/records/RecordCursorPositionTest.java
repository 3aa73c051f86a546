package io.sectorsphere.sphere.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCursorPositionTest {

    @TempDir
    Path dir;

    /** Reads a range two records at a time, each time from a new cursor opened at the last position. */
    private static List<String> inPairs(Path file, RecordFormat format, long offset, long length) throws IOException {
        List<String> records = new ArrayList<>();
        long end = offset + length;
        long at = offset;
        while (true) {
            try (RecordCursor cursor = RecordReaders.open(file, format, at, end - at)) {
                int read = 0;
                while (read < 2 && cursor.next()) {
                    records.add(new String(cursor.copy(), StandardCharsets.UTF_8));
                    read++;
                }
                if (read < 2 || cursor.position() >= end) { // a last line may end past the range
                    return records;
                }
                at = cursor.position();
            }
        }
    }

    @Test
    void linesResumeWhereTheyStopped() throws IOException {
        Path file = Files.writeString(dir.resolve("text"), "a\nbb\r\nccc\ndddd\neeeee");
        assertThat(inPairs(file, RecordFormat.lines(), 0, Files.size(file)))
                .containsExactly("a\n", "bb\r\n", "ccc\n", "dddd\n", "eeeee");
        assertThat(inPairs(file, RecordFormat.lines(), 3, 8)).containsExactly("ccc\n", "dddd\n");
        try (RecordCursor cursor = RecordReaders.open(file, RecordFormat.lines(), 1, 10)) {
            assertThat(cursor.position()).isEqualTo(2);
        }
    }

    @Test
    void indexedAndFixedRecordsResumeWhereTheyStopped() throws IOException {
        Path file = dir.resolve("data");
        try (RecordFileWriter writer = RecordFileWriter.create(file, true)) {
            for (String record : List.of("aaaa", "bbbb", "cccc", "dddd", "eeee")) {
                writer.append(record.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(inPairs(file, RecordFormat.index(), 1, 19)).containsExactly("bbbb", "cccc", "dddd", "eeee");
        assertThat(inPairs(file, RecordFormat.fixed(4), 4, 12)).containsExactly("bbbb", "cccc", "dddd");
        try (RecordCursor cursor = RecordReaders.open(file, RecordFormat.index(), 1, 19)) {
            assertThat(cursor.position()).isEqualTo(4);
        }
    }
}
