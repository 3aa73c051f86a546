package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeraValidateTest {

    private static final Comparator<byte[]> BY_KEY = (a, b) -> TeraRecords.compareKeys(a, 0, b, 0);

    @TempDir
    java.nio.file.Path scratch;

    /** Summary lines of the sorted rows laid out as files of {@code perFile} rows cut in segments of {@code perSegment}. */
    private List<String> summaries(List<byte[]> sorted, int perFile, int perSegment) throws Exception {
        List<TestInput> units = new ArrayList<>();
        for (int file = 0; file * perFile < sorted.size(); file++) {
            List<byte[]> rows = sorted.subList(file * perFile, Math.min(sorted.size(), (file + 1) * perFile));
            for (int start = 0; start < rows.size(); start += perSegment) {
                List<byte[]> segment = rows.subList(start, Math.min(rows.size(), start + perSegment));
                units.add(TestInput.fixed(String.format("tera/out/bucket-%05d", file), start * 100L,
                        TestInput.concat(segment), 100));
            }
        }
        return OperatorRun.run("teravalidate", "", 0, scratch, units).lines().stream().map(String::strip).toList();
    }

    private static List<byte[]> sortedRows(int count) {
        List<byte[]> rows = new ArrayList<>(TeraData.rowsWithTies(count));
        rows.sort(BY_KEY);
        return rows;
    }

    @Test
    void sortedOutputValidatesWithTheCountAndChecksumOfItsRows() throws Exception {
        List<byte[]> rows = sortedRows(3000);
        List<String> lines = new ArrayList<>(summaries(rows, 1000, 300));
        java.util.Collections.reverse(lines); // results come back in any order
        TeraValidation.Result result = TeraValidation.check(lines);
        assertThat(result.problem()).isNull();
        assertThat(result.sorted()).isTrue();
        assertThat(result.records()).isEqualTo(3000);
        assertThat(result.checksumHex()).isEqualTo(TeraData.checksum(rows));
    }

    @Test
    void aSummaryLineSaysWhereAndWhat() throws Exception {
        List<byte[]> rows = sortedRows(10);
        String line = summaries(rows, 10, 10).getFirst();
        HexFormat hex = HexFormat.of();
        assertThat(line).isEqualTo("tera/out/bucket-00000 0 10 " + hex.formatHex(rows.getFirst(), 0, 10) + " "
                + hex.formatHex(rows.getLast(), 0, 10) + " 0 " + TeraData.checksum(rows));
    }

    @Test
    void twoRecordsSwappedWithinASegmentAreFound() throws Exception {
        List<byte[]> rows = sortedRows(3000);
        java.util.Collections.swap(rows, 1500, 1501);
        TeraValidation.Result result = TeraValidation.check(summaries(rows, 1000, 300));
        assertThat(result.sorted()).isFalse();
        assertThat(result.problem()).contains("out of order in tera/out/bucket-00001 at offset 30000");
        assertThat(result.checksumHex()).isEqualTo(TeraData.checksum(rows));
    }

    @Test
    void orderIsCheckedAcrossFiles() throws Exception {
        List<byte[]> rows = sortedRows(2000);
        List<byte[]> misplaced = new ArrayList<>(rows.subList(1000, 2000));
        misplaced.addAll(rows.subList(0, 1000)); // file 0 holds the upper half: each file sorted, the whole not
        TeraValidation.Result result = TeraValidation.check(summaries(misplaced, 1000, 1000));
        assertThat(result.problem()).contains("tera/out/bucket-00001 at offset 0 is below the last key")
                .contains("tera/out/bucket-00000");
    }

    @Test
    void aMissingOrRepeatedSegmentIsFound() throws Exception {
        List<String> lines = new ArrayList<>(summaries(sortedRows(1000), 1000, 250));
        List<String> missing = new ArrayList<>(lines);
        missing.remove(1);
        assertThat(TeraValidation.check(missing).problem()).contains("no segment covers tera/out/bucket-00000 from 25000 to 50000");
        List<String> repeated = new ArrayList<>(lines);
        repeated.add(lines.get(2));
        assertThat(TeraValidation.check(repeated).sorted()).isFalse();
        assertThat(TeraValidation.check(repeated).records()).isEqualTo(1250);
    }

    @Test
    void emptySegmentsAndFileNamesWithSpacesParse() {
        TeraValidation.SegmentSummary summary = TeraValidation.SegmentSummary.parse("my data/part 1 0 0 - - 0 0");
        assertThat(summary.file()).isEqualTo("my data/part 1");
        assertThat(summary.firstKey()).isNull();
        assertThat(TeraValidation.check(List.of("my data/part 1 0 0 - - 0 0")).sorted()).isTrue();
    }
}
