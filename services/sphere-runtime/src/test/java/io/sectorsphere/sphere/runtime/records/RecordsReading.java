package io.sectorsphere.sphere.runtime.records;

import io.sectorsphere.sphere.api.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads every record of a range, copied, for assertions. */
final class RecordsReading {

    private RecordsReading() {
    }

    static List<byte[]> read(Path file, RecordFormat format, long offset, long length) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (RecordCursor cursor = RecordReaders.open(file, format, offset, length)) {
            while (cursor.next()) {
                records.add(cursor.copy());
            }
        }
        return records;
    }

    static List<String> text(Path file, RecordFormat format, long offset, long length) throws IOException {
        return read(file, format, offset, length).stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }
}
