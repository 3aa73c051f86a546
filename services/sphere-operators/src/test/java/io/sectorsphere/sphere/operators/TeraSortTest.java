package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeraSortTest {

    @TempDir
    Path dir;

    private TestInput bucketFile(List<byte[]> records) throws Exception {
        byte[] data = TestInput.concat(records);
        Path file = Files.write(dir.resolve("bucket-00000"), data);
        return TestInput.file("out/bucket-00000", file, data, 100);
    }

    private Path scratch() throws Exception {
        return Files.createDirectories(dir.resolve("scratch"));
    }

    @Test
    void sortsABucketInMemoryIntoAPermutationInKeyOrder() throws Exception {
        List<byte[]> rows = TeraData.rowsWithTies(20_000);
        CollectingOutput output = OperatorRun.run("terasort-sort", "", 0, scratch(), bucketFile(rows));
        assertThat(TeraData.keys(output.records())).isEqualTo(TeraData.sortedKeys(rows));
        assertThat(TeraData.checksum(output.records())).isEqualTo(TeraData.checksum(rows));
    }

    @Test
    void sortsABucketLargerThanItsMemoryThroughRunsOnDisk() throws Exception {
        List<byte[]> rows = TeraData.rowsWithTies(20_000);
        Path scratch = scratch();
        CollectingOutput output = OperatorRun.run("terasort-sort", "memory=100k", 0, scratch, bucketFile(rows));
        assertThat(TeraData.keys(output.records())).isEqualTo(TeraData.sortedKeys(rows));
        assertThat(TeraData.checksum(output.records())).isEqualTo(TeraData.checksum(rows));
        try (var left = Files.list(scratch)) {
            assertThat(left).as("runs deleted").isEmpty();
        }
    }

    @Test
    void theExternalPathSpillsOneRunPerBudget() throws Exception {
        List<byte[]> rows = TeraData.rows(0, 10_000);
        TestInput input = bucketFile(rows);
        CollectingOutput output = new CollectingOutput(0);
        int runs = new TeraFileSorter(108 * 1000, scratch()).sort(input.localFile(), 0, input.length(), output);
        assertThat(runs).isEqualTo(10);
        assertThat(TeraData.keys(output.records())).isEqualTo(TeraData.sortedKeys(rows));
        assertThat(new TeraFileSorter(108 * 10_000, scratch()).sort(input.localFile(), 0, input.length(), new CollectingOutput(0)))
                .isZero();
    }

    @Test
    void mergesWithLargeRunBuffers() throws Exception {
        // 12 MiB for 13 MB: two runs, each read through a merge buffer at its 4 MB cap
        List<byte[]> rows = TeraData.rows(0, 130_000);
        TestInput input = bucketFile(rows);
        CollectingOutput output = new CollectingOutput(0);
        assertThat(new TeraFileSorter(12 << 20, scratch()).sort(input.localFile(), 0, input.length(), output)).isEqualTo(2);
        assertThat(TeraData.keys(output.records())).isEqualTo(TeraData.sortedKeys(rows));
    }

    @Test
    void emptyAndSingleRecordBucketsSort() throws Exception {
        assertThat(OperatorRun.run("terasort-sort", "", 0, scratch(), bucketFile(List.of())).records()).isEmpty();
        List<byte[]> one = TeraData.rows(5, 1);
        assertThat(OperatorRun.run("terasort-sort", "memory=1", 0, scratch(), bucketFile(one)).records())
                .containsExactlyElementsOf(one);
    }

    @Test
    void aFileOfPartialRecordsIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("ragged"), new byte[150]);
        TestInput input = TestInput.file("ragged", file, new byte[150], 150);
        assertThatThrownBy(() -> OperatorRun.run("terasort-sort", "", 0, scratch(), input))
                .hasMessageContaining("not a whole number of 100-byte records");
    }

    @Test
    void badMemoryParametersAreRefused() {
        assertThatThrownBy(() -> OperatorRun.run("terasort-sort", "memory=lots", 0, dir, List.of()))
                .hasMessageContaining("memory must be a positive size");
        assertThatThrownBy(() -> OperatorRun.run("terasort-sort", "mem=1", 0, dir, List.of()))
                .hasMessageContaining("'mem=1'");
    }
}
