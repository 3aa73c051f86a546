package io.sectorsphere.bench.udt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianOfThreeRunsIsTheMiddleOneWithTheRangeAround() {
        Spread spread = Spread.of(List.of(780.0, 120.0, 655.0));

        assertThat(spread).isEqualTo(new Spread(655.0, 120.0, 780.0, 3));
    }

    @Test
    void failedRunsAreLeftOutAndAnEvenCountAveragesTheMiddlePair() {
        Spread spread = Spread.of(List.of(Double.NaN, 100.0, 300.0, Double.NaN));

        assertThat(spread).isEqualTo(new Spread(200.0, 100.0, 300.0, 2));
    }

    @Test
    void noMeasuredRunPrintsAsNotAvailable() {
        Spread spread = Spread.of(List.of(Double.NaN, Double.NaN));

        assertThat(spread.runs()).isZero();
        assertThat(new CaseLine("wan-1g-16ms-0").mbps("bbr", spread).toString())
                .isEqualTo("case=wan-1g-16ms-0 bbr_mbps=n/a bbr_min=n/a bbr_max=n/a");
    }

    @Test
    void aSpreadPrintsItsMedianThenMinAndMax() {
        String line = new CaseLine("fairness-ours").mbps("ours_1", Spread.of(List.of(90.0, 80.0, 100.0)))
                .ratio("jain_ours", Spread.of(List.of(0.99, 0.97, 1.0))).toString();

        assertThat(line).isEqualTo("case=fairness-ours ours_1_mbps=90.0 ours_1_min=80.0 ours_1_max=100.0"
                + " jain_ours=0.990 jain_ours_min=0.970 jain_ours_max=1.000");
    }
}
