package io.sectorsphere.bench.terasort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemorySortTest {

    @TempDir
    Path root;

    @Test
    void sortsEveryRecordOfEveryDataFileByUnsignedKey() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] record = new byte[TeraRecords.RECORD_BYTES];
            random.nextBytes(record);
            records.add(record);
        }
        // Keys that agree in their first 8 bytes (the kept bits) and differ only after, in both orders.
        byte[] tied = records.get(0).clone();
        tied[8] = (byte) 0xF0;
        records.add(tied);
        byte[] tiedLower = records.get(0).clone();
        tiedLower[8] = (byte) 0x01;
        records.add(tiedLower);
        Path input = Files.createDirectories(root.resolve("in"));
        write(input.resolve("part-m-00000"), records.subList(0, 2000));
        write(input.resolve("part-m-00001"), records.subList(2000, records.size()));
        write(input.resolve("_SUCCESS"), List.of(new byte[7]));
        Path output = root.resolve("sorted");

        InMemorySort.main(new String[] {input.toString(), output.toString()});

        byte[] sorted = Files.readAllBytes(output);
        assertThat(sorted).hasSize(records.size() * TeraRecords.RECORD_BYTES);
        List<byte[]> expected = new ArrayList<>(records);
        expected.sort((a, b) -> Arrays.compareUnsigned(a, 0, TeraRecords.KEY_BYTES, b, 0, TeraRecords.KEY_BYTES));
        for (int i = 0; i < expected.size(); i++) {
            byte[] actual = Arrays.copyOfRange(sorted, i * TeraRecords.RECORD_BYTES, (i + 1) * TeraRecords.RECORD_BYTES);
            assertThat(actual).as("record %d", i).isEqualTo(expected.get(i));
        }
    }

    private static void write(Path file, List<byte[]> records) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            for (byte[] record : records) {
                out.write(record);
            }
        }
    }
}
