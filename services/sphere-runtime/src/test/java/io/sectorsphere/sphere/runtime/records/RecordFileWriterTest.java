package io.sectorsphere.sphere.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesRecordsAndABigEndianIndexEndingAtTheSize() throws IOException {
        Path file = dir.resolve("out");
        try (RecordFileWriter writer = RecordFileWriter.create(file, true)) {
            writer.append(new byte[] {1, 2, 3});
            writer.append(new byte[] {9, 4, 5, 9}, 1, 2);
            assertThat(writer.records()).isEqualTo(2);
            assertThat(writer.bytes()).isEqualTo(5);
        }
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3, 4, 5);
        ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(RecordIndex.pathFor(file)));
        assertThat(index.remaining()).isEqualTo(24);
        assertThat(new long[] {index.getLong(), index.getLong(), index.getLong()}).containsExactly(0, 3, 5);
    }

    @Test
    void fixedOutputMayGoWithoutAnIndex() throws IOException {
        Path file = dir.resolve("fixed");
        try (RecordFileWriter writer = RecordFileWriter.create(file, false)) {
            writer.append(new byte[100]);
        }
        assertThat(Files.size(file)).isEqualTo(100);
        assertThat(RecordIndex.pathFor(file)).doesNotExist();
    }
}
