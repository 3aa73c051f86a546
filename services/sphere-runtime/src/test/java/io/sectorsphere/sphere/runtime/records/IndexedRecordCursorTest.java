package io.sectorsphere.sphere.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedRecordCursorTest {

    private static final RecordFormat INDEX = RecordFormat.index();

    @TempDir
    Path dir;

    private Path writeRecords(String... records) throws IOException {
        Path file = dir.resolve("data");
        try (RecordFileWriter writer = RecordFileWriter.create(file, true)) {
            for (String record : records) {
                writer.append(record.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void readsTheRecordsThatStartInTheRange() throws IOException {
        Path file = writeRecords("aa", "bbbb", "", "c", "ddd"); // starts 0, 2, 6, 6, 7; size 10
        assertThat(RecordsReading.text(file, INDEX, 0, 10)).containsExactly("aa", "bbbb", "", "c", "ddd");
        assertThat(RecordsReading.text(file, INDEX, 1, 2)).containsExactly("bbbb");
        assertThat(RecordsReading.text(file, INDEX, 3, 4)).containsExactly("", "c");
        assertThat(RecordsReading.text(file, INDEX, 7, 3)).containsExactly("ddd");
        assertThat(RecordsReading.text(file, INDEX, 8, 2)).isEmpty();
    }

    @Test
    void emptyFileWithItsIndexHasNoRecords() throws IOException {
        Path file = writeRecords();
        assertThat(Files.size(RecordIndex.pathFor(file))).isEqualTo(8);
        assertThat(RecordsReading.read(file, INDEX, 0, 0)).isEmpty();
    }

    @Test
    void manyRecordsCutIntoSegmentsComeOnceEach() throws IOException {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            records.add("r" + i + "-".repeat(i % 17));
        }
        Path file = writeRecords(records.toArray(String[]::new));
        long size = Files.size(file);
        List<String> seen = new ArrayList<>();
        for (long offset = 0; offset < size; offset += 99_991) {
            seen.addAll(RecordsReading.text(file, INDEX, offset, 99_991));
        }
        assertThat(seen).isEqualTo(records);
    }

    @Test
    void anIndexThatDoesNotEndAtTheFileSizeIsAClearError() throws IOException {
        Path file = writeRecords("abc", "de");
        Files.write(file, "abcdefg".getBytes(StandardCharsets.UTF_8)); // longer than its index says
        assertThatThrownBy(() -> RecordReaders.open(file, INDEX, 0, 7))
                .hasMessageContaining("must run from 0 to the data file's size 7")
                .hasMessageContaining(RecordIndex.pathFor(file).toString());
    }

    @Test
    void aMissingOrTornIndexIsAClearError() throws IOException {
        Path file = Files.write(dir.resolve("bare"), new byte[4]);
        assertThatThrownBy(() -> RecordReaders.open(file, INDEX, 0, 4)).hasMessageContaining("has no record index");
        Files.write(RecordIndex.pathFor(file), new byte[12]);
        assertThatThrownBy(() -> RecordReaders.open(file, INDEX, 0, 4))
                .hasMessageContaining("not a whole number of 8-byte offsets");
    }

    @Test
    void offsetsGoingBackwardsAreAnErrorNamingTheRecord() throws IOException {
        Path file = Files.write(dir.resolve("bad"), new byte[10]);
        ByteBuffer index = ByteBuffer.allocate(32).putLong(0).putLong(6).putLong(3).putLong(10);
        Files.write(RecordIndex.pathFor(file), index.array());
        try (RecordCursor cursor = RecordReaders.open(file, INDEX, 0, 10)) {
            assertThat(cursor.next()).isTrue();
            assertThatThrownBy(cursor::next).hasMessageContaining("record 1").hasMessageContaining("backwards");
        }
    }

    @Test
    void anOffsetPastTheEndOfTheFileIsAnErrorBeforeTheRecordIsUsed() throws IOException {
        Path file = Files.write(dir.resolve("short"), new byte[10]);
        ByteBuffer index = ByteBuffer.allocate(24).putLong(0).putLong(20).putLong(10);
        Files.write(RecordIndex.pathFor(file), index.array());
        try (RecordCursor cursor = RecordReaders.open(file, INDEX, 0, 10)) {
            assertThatThrownBy(cursor::next).hasMessageContaining("record 0").hasMessageContaining("past the end");
        }
    }
}
