package io.sectorsphere.sphere.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeraSortBucketTest {

    @TempDir
    java.nio.file.Path scratch;

    private static TestInput segment(List<byte[]> rows) {
        return TestInput.fixed("tera/in", 0, TestInput.concat(rows), 100);
    }

    @Test
    void uniformKeysGoToTheirShareOfTheKeyRange() throws Exception {
        List<byte[]> rows = TeraData.rowsWithTies(5000);
        CollectingOutput output = OperatorRun.run("terasort-bucket", "", 7, scratch, segment(rows));
        long total = 0;
        for (Map.Entry<Integer, List<byte[]>> bucket : output.buckets().entrySet()) {
            for (byte[] row : bucket.getValue()) {
                long first4 = Long.parseLong(TeraData.keyHex(row).substring(0, 8), 16);
                // bucket b holds first4 in [b·2^32/7, (b+1)·2^32/7)
                assertThat(first4 * 7 >> 32).isEqualTo(bucket.getKey().longValue());
            }
            total += bucket.getValue().size();
        }
        assertThat(total).isEqualTo(rows.size());
        assertThat(output.buckets()).hasSize(7);
        assertThat(output.records()).isEmpty();
    }

    @Test
    void splitPointsBoundTheBuckets() throws Exception {
        List<byte[]> rows = TeraData.rowsWithTies(5000);
        List<String> splits = List.of("40", "8000000000", "c0ff");
        CollectingOutput output = OperatorRun.run("terasort-bucket", "splits=" + String.join(",", splits), 4, scratch,
                segment(rows));
        for (Map.Entry<Integer, List<byte[]>> bucket : output.buckets().entrySet()) {
            int b = bucket.getKey();
            for (byte[] row : bucket.getValue()) {
                String key = TeraData.keyHex(row);
                if (b > 0) {
                    assertThat(key.compareTo(splits.get(b - 1))).isGreaterThanOrEqualTo(0);
                }
                if (b < 3) {
                    assertThat(key.compareTo(splits.get(b))).isLessThan(0);
                }
            }
        }
        assertThat(output.buckets().values().stream().mapToInt(List::size).sum()).isEqualTo(rows.size());
    }

    @Test
    void aKeyEqualToASplitPointGoesAboveIt() throws Exception {
        byte[] row = TeraData.rows(0, 1).getFirst();
        System.arraycopy(HexFormat.of().parseHex("80000000000000000000"), 0, row, 0, 10);
        CollectingOutput output = OperatorRun.run("terasort-bucket", "splits=80", 2, scratch, segment(List.of(row)));
        assertThat(output.buckets()).containsOnlyKeys(1);
    }

    @Test
    void refusesWhatCannotBeBucketed() {
        assertThatThrownBy(() -> OperatorRun.run("terasort-bucket", "", 0, scratch, List.of()))
                .hasMessageContaining("needs bucket output");
        assertThatThrownBy(() -> OperatorRun.run("terasort-bucket", "splits=40", 4, scratch, List.of()))
                .hasMessageContaining("4 buckets need 3 split points, not 1");
        assertThatThrownBy(() -> OperatorRun.run("terasort-bucket", "splits=80,40", 3, scratch, List.of()))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> OperatorRun.run("terasort-bucket", "", 2, scratch, TestInput.lines("text", "hello\n")))
                .hasMessageContaining("not 100");
    }
}
