package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The check across segments of TeraValidate's summaries: order across segments and files, the checksum sum. */
class TeraValidateCheckTest {

    @Test
    void sortedSegmentsInAnyLineOrderPassWithTheirCountAndChecksumSummed() {
        String lines = """
                out/part-00001 0 2 30000000000000000000 3fffffffffffffffffff 0 10
                out/part-00000 200 1 10000000000000000000 10000000000000000000 0 ff
                out/part-00000 0 2 00000000000000000000 0fffffffffffffffffff 0 1
                """;

        TeraValidateCheck.Outcome outcome = TeraValidateCheck.check(TeraValidateCheck.parse(lines));

        assertThat(outcome.sorted()).isTrue();
        assertThat(outcome.records()).isEqualTo(5);
        assertThat(outcome.checksum()).isEqualTo(BigInteger.valueOf(0x110));
        assertThat(outcome.line()).isEqualTo("teravalidate records=5 checksum=110 sorted=yes");
    }

    @Test
    void aFileStartingBelowTheLastKeyOfThePreviousFileIsTheViolation() {
        String lines = """
                out/part-00000 0 2 00000000000000000000 50000000000000000000 0 1
                out/part-00001 0 2 40000000000000000000 60000000000000000000 0 1
                """;

        TeraValidateCheck.Outcome outcome = TeraValidateCheck.check(TeraValidateCheck.parse(lines));

        assertThat(outcome.sorted()).isFalse();
        assertThat(outcome.violation()).isEqualTo("out/part-00001 at offset 0 starts with key 40000000000000000000, "
                + "smaller than the last key 50000000000000000000 of out/part-00000 at offset 0");
        assertThat(outcome.line()).endsWith("sorted=no");
    }

    @Test
    void keysCompareAsUnsignedBytesAndEqualKeysAreInOrder() {
        String lines = """
                out/part-00000 0 1 7f000000000000000000 7f000000000000000000 0 1
                out/part-00000 100 1 7f000000000000000000 80000000000000000000 0 1
                out/part-00001 0 1 ff000000000000000000 ff000000000000000000 0 1
                """;

        assertThat(TeraValidateCheck.check(TeraValidateCheck.parse(lines)).sorted()).isTrue();
    }

    @Test
    void disorderInsideASegmentIsReportedWhereItIs() {
        String lines = """
                out/part-00000 0 3 00000000000000000000 20000000000000000000 0 1
                out/part-00000 300 3 30000000000000000000 50000000000000000000 2 1
                """;

        assertThat(TeraValidateCheck.check(TeraValidateCheck.parse(lines)).violation())
                .isEqualTo("out/part-00000 at offset 300: 2 records follow a larger key");
    }

    @Test
    void emptySegmentsCarryNoKeysAndBreakNoOrder() {
        String lines = """
                out/part-00000 0 1 20000000000000000000 20000000000000000000 0 5
                out/part-00001 0 0 - - 0 0
                out/part-00002 0 1 30000000000000000000 30000000000000000000 0 5
                """;

        TeraValidateCheck.Outcome outcome = TeraValidateCheck.check(TeraValidateCheck.parse(lines));

        assertThat(outcome.sorted()).isTrue();
        assertThat(outcome.checksum()).isEqualTo(BigInteger.TEN);
    }

    @Test
    void theChecksumIsAnUnsigned128BitSum() {
        String max = "ffffffffffffffffffffffffffffffff";
        String lines = "a 0 1 00 00 0 " + max + "\nb 0 1 01 01 0 2\n";

        assertThat(TeraValidateCheck.check(TeraValidateCheck.parse(lines)).checksum()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void aLineThatIsNoSummaryIsAnError() {
        assertThatThrownBy(() -> TeraValidateCheck.parse("out/part-00000 0 2 zz 00 0 1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a segment summary");
        assertThatThrownBy(() -> TeraValidateCheck.parse("too few fields\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 fields");
    }
}
