package io.sectorsphere.udt.cc.simulation;

import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.MEGABITS;
import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.alone;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dedicated-path targets: random loss that is not congestion must not empty the link. */
class DedicatedOnLossyLongPathsTest {

    @ParameterizedTest(name = "{0} ms, loss {1}: at least {2} of the link")
    @CsvSource({
        "71, 0.0001, 0.9",
        "71, 0.001, 0.9",
        "200, 0.0001, 0.8",
        "200, 0.001, 0.8",
        "71, 0.01, 0.9"})
    void dedicatedFillsTheLinkDespiteRandomLoss(int rttMillis, double loss, double minimumShare) {
        Scenario.Result result = alone("dedicated", LinkSpec.lossy(MEGABITS, rttMillis, loss));

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(minimumShare);
    }

    @ParameterizedTest(name = "{0} ms, loss 0.1 %")
    @CsvSource({"71", "200"})
    void nativeFallsFarBelowOnTheSamePaths(int rttMillis) {
        Scenario.Result result = alone("native", LinkSpec.lossy(MEGABITS, rttMillis, 0.001));

        assertThat(result.total()).as(result.toString()).isLessThan(0.5);
    }
}
