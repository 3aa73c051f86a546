package io.sectorsphere.locator.replication;

import static io.sectorsphere.locator.replication.ReplicationPlannerTest.replica;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InFlightCopiesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    private static final String CHECKSUM = "sha256:" + "33".repeat(32);

    @Test
    void aCopyIsForgottenOnceItsTargetHoldsTheFileOrItsDeadlinePasses() {
        InFlightCopies inFlight = new InFlightCopies(10);
        inFlight.add("landed", "b:1", NOW.plusSeconds(60));
        inFlight.add("overdue", "b:1", NOW.plusSeconds(1));
        inFlight.add("waiting", "b:1", NOW.plusSeconds(60));
        inFlight.add("waiting", "c:1", NOW.plusSeconds(60));

        inFlight.settle(Map.of("landed", List.of(replica("a", 1, NOW, CHECKSUM), replica("b", 1, NOW, CHECKSUM))),
                NOW.plusSeconds(1));

        assertThat(inFlight.pending()).containsOnlyKeys("waiting");
        assertThat(inFlight.pending().get("waiting")).containsExactlyInAnyOrder("b:1", "c:1");
    }

    @Test
    void itRemembersNoMoreThanItsCapacity() {
        InFlightCopies inFlight = new InFlightCopies(1);
        inFlight.add("f", "b:1", NOW);

        assertThat(inFlight.isFull()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> inFlight.add("g", "b:1", NOW));
        assertThat(inFlight.size()).isEqualTo(1);
    }
}
