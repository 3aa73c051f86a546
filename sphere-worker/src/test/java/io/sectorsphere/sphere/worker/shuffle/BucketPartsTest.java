package io.sectorsphere.sphere.worker.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.sphere.runtime.records.RecordFileWriter;
import io.sectorsphere.sphere.runtime.records.RecordIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketPartsTest {

    @TempDir
    Path dir;

    private BucketParts.Part part(String name, String... records) throws IOException {
        Path data = dir.resolve(name);
        try (RecordFileWriter writer = RecordFileWriter.create(data, true)) {
            for (String record : records) {
                writer.append(record.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new BucketParts.Part(data, RecordIndex.pathFor(data));
    }

    @Test
    void onlyTheGivenPartsAreJoinedInOrderWithTheirIndexesShifted() throws IOException {
        BucketParts.Part first = part("0-0", "a\n", "bb\n");
        part("1-0", "rejected attempt\n");
        BucketParts.Part second = part("1-1", "ccc\n");
        BucketParts.Part neverSent = new BucketParts.Part(dir.resolve("2-0"), dir.resolve("2-0.idx"));
        BucketParts.Part third = part("3-0", "d\n");
        Path joined = dir.resolve("joined");

        boolean indexed = BucketParts.join(List.of(first, second, neverSent, third), joined);

        assertThat(indexed).isTrue();
        assertThat(Files.readString(joined)).isEqualTo("a\nbb\nccc\nd\n");
        long[] offsets = new long[5];
        ByteBuffer.wrap(Files.readAllBytes(RecordIndex.pathFor(joined))).asLongBuffer().get(offsets);
        assertThat(offsets).containsExactly(0, 2, 5, 9, 11);
    }

    @Test
    void aPartWithoutItsIndexAmongIndexedOnesIsAnError() throws IOException {
        BucketParts.Part indexed = part("0-0", "a\n");
        Path bare = dir.resolve("1-0");
        Files.writeString(bare, "b\n");
        assertThatThrownBy(() -> BucketParts.join(List.of(indexed, new BucketParts.Part(bare, dir.resolve("1-0.idx"))),
                dir.resolve("joined"))).hasMessageContaining("without its record index");
    }
}
