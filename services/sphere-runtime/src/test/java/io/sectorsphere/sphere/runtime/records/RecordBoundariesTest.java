package io.sectorsphere.sphere.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordBoundariesTest {

    @TempDir
    Path dir;

    @Test
    void fixedRecordsRoundUpToTheNextRecord() throws IOException {
        Path file = Files.write(dir.resolve("fixed"), new byte[1000]);
        try (RecordBoundaries boundaries = RecordBoundaries.of(file, RecordFormat.fixed(100))) {
            assertThat(boundaries.recordCount()).isEqualTo(10);
            assertThat(boundaries.boundaryAtOrAfter(0)).isZero();
            assertThat(boundaries.boundaryAtOrAfter(1)).isEqualTo(100);
            assertThat(boundaries.boundaryAtOrAfter(300)).isEqualTo(300);
            assertThat(boundaries.boundaryAtOrAfter(999)).isEqualTo(1000);
            assertThat(boundaries.boundaryAtOrAfter(5000)).isEqualTo(1000);
            assertThat(boundaries.recordNumberAt(300)).isEqualTo(3);
            assertThat(boundaries.boundaryOfRecord(4)).isEqualTo(400);
        }
    }

    @Test
    void aFixedFileOfPartialRecordsIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("ragged"), new byte[150]);
        assertThatThrownBy(() -> RecordBoundaries.of(file, RecordFormat.fixed(100)))
                .hasMessageContaining("not a whole number of 100-byte records");
    }

    @Test
    void indexedRecordsAreLookedUpInTheIndex() throws IOException {
        Path file = dir.resolve("indexed");
        try (RecordFileWriter writer = RecordFileWriter.create(file, true)) {
            writer.append(new byte[5]);
            writer.append(new byte[20]);
            writer.append(new byte[1]);
        } // starts 0, 5, 25; size 26
        try (RecordBoundaries boundaries = RecordBoundaries.of(file, RecordFormat.index())) {
            assertThat(boundaries.recordCount()).isEqualTo(3);
            assertThat(boundaries.boundaryAtOrAfter(0)).isZero();
            assertThat(boundaries.boundaryAtOrAfter(1)).isEqualTo(5);
            assertThat(boundaries.boundaryAtOrAfter(6)).isEqualTo(25);
            assertThat(boundaries.boundaryAtOrAfter(26)).isEqualTo(26);
            assertThat(boundaries.recordNumberAt(25)).isEqualTo(2);
            assertThat(boundaries.recordNumberAt(26)).isEqualTo(3);
            assertThat(boundaries.boundaryOfRecord(1)).isEqualTo(5);
        }
    }

    @Test
    void linesAreCutAnywhere() throws IOException {
        Path file = Files.writeString(dir.resolve("text"), "a\nbb\n");
        try (RecordBoundaries boundaries = RecordBoundaries.of(file, RecordFormat.lines())) {
            assertThat(boundaries.recordCount()).isEqualTo(-1);
            assertThat(boundaries.boundaryAtOrAfter(3)).isEqualTo(3);
            assertThat(boundaries.recordNumberAt(3)).isEqualTo(-1);
        }
    }
}
