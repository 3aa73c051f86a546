package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.sphere.JobCheckpoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * A Sphere job's checkpoint, larger than any location record and keyed by its job id rather than
 * an address, is stored on the ring through one locator and read back through another.
 */
class JobCheckpointsOnTheRingTest {

    @Test
    void aCheckpointSavedThroughOneLocatorIsListedByAnother() {
        try (MiniSectorCluster cluster = MiniSectorCluster.builder().nodes(3).withoutStorage().start()) {
            RestClient rest = RestClient.create();
            String state = "{\"segments\":\"" + "x".repeat(40_000) + "\"}";
            rest.put().uri("http://" + cluster.ringAddress(0) + "/api/v1/sphere-jobs/j0123456789abcdef")
                    .body(new JobCheckpoint("j0123456789abcdef", "http://127.0.0.1:6400", state, 600, false))
                    .retrieve().toBodilessEntity();

            List<JobCheckpoint> listed = rest.get().uri("http://" + cluster.ringAddress(2) + "/api/v1/sphere-jobs")
                    .retrieve().body(new ParameterizedTypeReference<>() {
                    });

            assertThat(listed).singleElement().satisfies(checkpoint -> {
                assertThat(checkpoint.id()).isEqualTo("j0123456789abcdef");
                assertThat(checkpoint.state()).isEqualTo(state);
                assertThat(checkpoint.finished()).isFalse();
            });
        }
    }
}
