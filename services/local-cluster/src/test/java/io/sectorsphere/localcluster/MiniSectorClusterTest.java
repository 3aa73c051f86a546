package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.Replica;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniSectorClusterTest {

    private static final int NODES = 5;
    private static final int RECORDS = 200;
    private static final String HOLDER_HOST = "127.0.0.1";

    private final Random random = new Random(20261122);

    @Test
    void recordsSurviveACrashARejoinAndAGracefulLeave() throws Exception {
        // Locators only: the records are made up, and no storage node should try to copy their files.
        try (MiniSectorCluster cluster = MiniSectorCluster.builder().nodes(NODES).withoutStorage().start()) {
            List<String> names = IntStream.range(0, RECORDS).mapToObj(i -> "demo/file-" + i + ".dat").toList();
            for (String name : names) {
                int via = randomRunning(cluster, -1);
                cluster.put(via, name, SampleLocations.of(name, HOLDER_HOST));
                FileLocation found = assertFoundThrough(cluster, randomRunning(cluster, via), name);
                assertThat(found.owner()).as("owner of " + name).isEqualTo(cluster.expectedOwner(name));
            }

            // The node owning the most names, so that taking them back after its restart shows.
            int victim = cluster.running().stream().max(Comparator.comparingLong(i -> names.stream()
                    .filter(name -> cluster.expectedOwner(name).equals(cluster.ringAddress(i))).count())).orElseThrow();
            String address = cluster.ringAddress(victim);
            String id = cluster.client(victim).ring().self().id();
            cluster.kill(victim);
            cluster.waitForStableRing();
            assertThat(cluster.ringStates()).hasSize(NODES - 1);
            for (String name : names) {
                assertFoundThrough(cluster, randomRunning(cluster, -1), name);
            }

            cluster.restart(victim);
            cluster.waitForStableRing();
            assertThat(cluster.ringAddress(victim)).isEqualTo(address);
            assertThat(cluster.client(victim).ring().self().id()).isEqualTo(id);
            assertThat(cluster.ringStates()).hasSize(NODES);
            List<String> itsKeys = names.stream().filter(name -> cluster.expectedOwner(name).equals(address)).toList();
            assertThat(itsKeys).as("names owned by the restarted node").isNotEmpty();
            cluster.waitUntil("the restarted node answers for the keys it owns",
                    () -> itsKeys.stream().allMatch(name -> cluster.locate(randomRunning(cluster, victim), name)
                            .map(found -> found.owner().equals(address)).orElse(false)),
                    Duration.ofSeconds(30));
            assertThat(cluster.client(victim).ring().storedEntries()).isGreaterThanOrEqualTo(itsKeys.size());

            cluster.stop((victim + 1) % NODES);
            cluster.waitForStableRing();
            assertThat(cluster.ringStates()).hasSize(NODES - 1);
            for (String name : names) {
                assertFoundThrough(cluster, randomRunning(cluster, -1), name);
            }
        }
    }

    private FileLocation assertFoundThrough(MiniSectorCluster cluster, int via, String name) {
        Optional<FileLocation> found = cluster.locate(via, name);
        assertThat(found).as(() -> name + " through node " + via + "\n" + cluster.dump()).isPresent();
        assertThat(found.get().replicas()).extracting(Replica::holder).containsExactly(HOLDER_HOST + ":6200");
        return found.get();
    }

    /** A random running node other than {@code except}. */
    private int randomRunning(MiniSectorCluster cluster, int except) {
        List<Integer> candidates = cluster.running().stream().filter(i -> i != except).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }
}
