package io.sectorsphere.sphere.runtime.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedRecordCursorTest {

    @TempDir
    Path dir;

    /** Record i is 7 bytes of value i. */
    private Path records(int count) throws IOException {
        byte[] bytes = new byte[count * 7];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / 7);
        }
        return Files.write(dir.resolve("fixed"), bytes);
    }

    @Test
    void readsTheRecordsOfARangeAcrossManyBufferFills() throws IOException {
        Path file = records(400_000); // 2.8 MB: several 1 MiB fills with records straddling them
        List<byte[]> read = RecordsReading.read(file, RecordFormat.fixed(7), 7 * 1000, 7 * 300_000);
        assertThat(read).hasSize(300_000);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).as("record %d", 1000 + i).containsOnly((byte) (1000 + i));
        }
    }

    @Test
    void emptyFileAndEmptyRangeHaveNoRecords() throws IOException {
        assertThat(RecordsReading.read(records(0), RecordFormat.fixed(7), 0, 100)).isEmpty();
        assertThat(RecordsReading.read(records(3), RecordFormat.fixed(7), 7, 0)).isEmpty();
    }

    @Test
    void aRangeOffARecordBoundaryIsRefused() throws IOException {
        Path file = records(3);
        assertThatThrownBy(() -> RecordReaders.open(file, RecordFormat.fixed(7), 3, 7))
                .hasMessageContaining("not on a 7-byte record boundary");
    }

    @Test
    void recordsOverTheLimitAreRefused() throws IOException {
        Path file = records(1);
        assertThatThrownBy(() -> RecordReaders.open(file, RecordFormat.fixed(FileWindow.MAX_RECORD_BYTES + 1), 0, 7))
                .hasMessageContaining("over the limit");
    }

    @Test
    void aPartialLastRecordIsAnErrorNamingTheOffset() throws IOException {
        Path file = Files.write(dir.resolve("ragged"), new byte[10]);
        try (RecordCursor cursor = RecordReaders.open(file, RecordFormat.fixed(7), 0, 10)) {
            assertThat(cursor.next()).isTrue();
            assertThatThrownBy(cursor::next).hasMessageContaining("partial record at offset 7");
        }
    }
}
