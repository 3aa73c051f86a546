package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TeraGen's control file: fixed-width lines that cover rows 0..N-1 once. */
class TeraGenControlTest {

    @Test
    void thePartsCoverEveryRowOnceInFixedWidthLines() {
        List<String> lines = TeraGenControl.lines(10, 3);

        assertThat(lines).containsExactly(
                "00000000000000000000 00000000000000000004\n",
                "00000000000000000004 00000000000000000003\n",
                "00000000000000000007 00000000000000000003\n");
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(TeraGenControl.LINE_BYTES));
    }

    @ParameterizedTest(name = "{0} rows on {1} nodes: {2} parts")
    @CsvSource({
        "1000000, 4, 8", // two per node
        "100000000, 4, 50", // at most 2,000,000 rows a part
        "3, 4, 3", // never more parts than rows
        "10, 0, 2"}) // a cluster that reports no node still gets work done
    void theDefaultIsTwoPartsPerNodeAndAtMostTwoMillionRowsEach(long rows, int nodes, int parts) {
        assertThat(TeraGenControl.defaultParts(rows, nodes)).isEqualTo(parts);
    }

    @Test
    void morePartsThanRowsIsRefused() {
        assertThatThrownBy(() -> TeraGenControl.lines(2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
