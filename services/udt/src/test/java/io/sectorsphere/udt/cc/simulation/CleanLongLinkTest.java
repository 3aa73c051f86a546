package io.sectorsphere.udt.cc.simulation;

import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.MEGABITS;
import static io.sectorsphere.udt.cc.simulation.SimulatedLinks.alone;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Without loss every controller fills the link, from a short RTT to a long one. */
class CleanLongLinkTest {

    @ParameterizedTest(name = "{0} at {1} ms")
    @CsvSource({
        "native, 200",
        "fair, 200",
        "dedicated, 200",
        "fair, 16",
        "dedicated, 16"})
    void aSingleFlowFillsACleanLink(String controller, int rttMillis) {
        Scenario.Result result = alone(controller, LinkSpec.clean(MEGABITS, rttMillis));

        assertThat(result.total()).as(result.toString()).isGreaterThanOrEqualTo(0.9);
    }
}
