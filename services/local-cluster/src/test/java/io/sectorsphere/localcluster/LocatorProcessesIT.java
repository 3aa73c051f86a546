package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.ring.RingStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end with real processes: five locator JVMs on loopback, two of them killed with SIGKILL,
 * one brought back. What the in-JVM harness cannot show: a crash that runs no shutdown code at all.
 */
class LocatorProcessesIT {

    private static final int NODES = 5;
    private static final int RECORDS = 1000;
    private static final String HOLDER_HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(60);
    private static final int CLIENT_THREADS = 4;

    private final Random random = new Random(1122);
    private final List<LocatorProcess> nodes = new ArrayList<>();
    private final long began = System.nanoTime();
    private HttpClient http;

    @BeforeEach
    void createNodes() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        http = LocatorClient.newHttpClient();
        Set<Integer> ports = new LinkedHashSet<>();
        for (int attempt = 0; ports.size() < NODES && attempt < 10 * NODES; attempt++) {
            ports.add(ProcessTests.freePort(HOLDER_HOST));
        }
        for (int port : ports) {
            nodes.add(new LocatorProcess(nodes.size(), port, logs, http));
        }
        assertThat(nodes).hasSize(NODES);
    }

    @AfterEach
    void destroyAll() {
        nodes.forEach(LocatorProcess::destroy);
        http.close();
    }

    @Test
    void recordsSurviveTwoKilledProcessesAndARestartedNodeTakesItsKeysBack() {
        ProcessTests.runReporting(this::scenario, nodes, this::dump);
    }

    private void scenario() {
        startInTurn(nodes);
        awaitConsistentRing();
        ProcessTests.progress(began, "5 processes form one ring");

        List<String> names = IntStream.range(0, RECORDS).mapToObj(i -> "e2e/part-" + i).toList();
        forEachConcurrently(names, name -> {
            LocatorProcess via = randomLive(null);
            via.client().put(name, SampleLocations.of(name, HOLDER_HOST));
            assertFound(randomLive(via), name);
        });
        ProcessTests.progress(began, RECORDS + " records stored and located");

        List<LocatorProcess> victims = nonAdjacentPair();
        victims.forEach(LocatorProcess::kill);
        assertThat(victims).noneMatch(LocatorProcess::isAlive);
        awaitConsistentRing();
        assertThat(liveStates()).hasSize(NODES - 2);
        forEachConcurrently(names, name -> assertFound(randomLive(null), name));
        ProcessTests.progress(began, "killed " + victims + "; every record still found");

        startInTurn(victims);
        awaitConsistentRing();
        assertThat(liveStates()).hasSize(NODES);
        LocatorProcess back = victims.getFirst();
        List<String> liveAddresses = nodes.stream().map(LocatorProcess::ringAddress).toList();
        List<String> itsKeys = names.stream()
                .filter(name -> KeyOwnership.ownerOf(name, liveAddresses).equals(back.ringAddress())).toList();
        assertThat(itsKeys).as("names owned by " + back).isNotEmpty();
        Await.until(back + " answers as owner of its keys",
                () -> itsKeys.stream().allMatch(name -> randomLive(back).client().locate(name)
                        .map(found -> found.owner().equals(back.ringAddress())).orElse(false)),
                RING_TIMEOUT, this::dump);
        assertThat(back.client().ring().storedEntries()).isGreaterThanOrEqualTo(itsKeys.size());
        forEachConcurrently(names, name -> assertFound(randomLive(null), name));
        ProcessTests.progress(began, back + " rejoined and owns its " + itsKeys.size() + " keys again");
    }

    /**
     * Starts the processes one after another, the first creating the ring unless one is running:
     * on two cores JVMs that start together take longer than the same JVMs one at a time.
     */
    private void startInTurn(List<LocatorProcess> toStart) {
        for (LocatorProcess node : toStart) {
            List<String> seeds = nodes.stream().filter(LocatorProcess::isAlive)
                    .map(LocatorProcess::ringAddress).limit(2).toList();
            node.start(seeds, MiniSectorCluster.FAST_RING);
            Await.until(node + " is ready", () -> {
                if (!node.isAlive()) {
                    throw new IllegalStateException(node + " exited");
                }
                return node.client().isReady();
            }, START_TIMEOUT, this::dump);
            ProcessTests.progress(began, node + " ready");
        }
    }

    private void awaitConsistentRing() {
        Set<String> expected = new LinkedHashSet<>(live().stream().map(LocatorProcess::ringAddress).toList());
        Await.until("the live nodes form one consistent ring",
                () -> RingConsistency.problems(expected, liveStates()).isEmpty(), RING_TIMEOUT,
                () -> String.join("\n", RingConsistency.problems(expected, liveStates())) + "\n" + dump());
    }

    /** Two nodes that are neither successor nor predecessor of each other: the 1st and 3rd in ring order. */
    private List<LocatorProcess> nonAdjacentPair() {
        Map<String, RingStatus> states = liveStates();
        List<String> order = RingConsistency.walk(nodes.getFirst().ringAddress(), states, NODES);
        assertThat(order).hasSize(NODES);
        List<LocatorProcess> pair = List.of(byAddress(order.get(0)), byAddress(order.get(2)));
        RingStatus first = states.get(order.get(0));
        assertThat(RingConsistency.successorOf(first)).isNotEqualTo(order.get(2));
        assertThat(RingConsistency.predecessorOf(first)).isNotEqualTo(order.get(2));
        return pair;
    }

    /**
     * Runs {@code action} for every name on a few threads: each request waits on a chain of ring
     * calls, so a little concurrency shortens the test without loading two cores much more.
     */
    private static void forEachConcurrently(List<String> names, Consumer<String> action) {
        ExecutorService workers = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String name : names) {
                done.add(workers.submit(() -> action.accept(name)));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("requests did not finish", e);
        } finally {
            // On the first failure the rest is abandoned rather than waited for.
            workers.shutdownNow();
        }
    }

    private void assertFound(LocatorProcess via, String name) {
        Optional<FileLocation> found = via.client().locate(name);
        assertThat(found).as(() -> name + " through " + via).isPresent();
        assertThat(found.get().replicas()).extracting(Replica::holder).containsExactly(HOLDER_HOST + ":6200");
    }

    private List<LocatorProcess> live() {
        return nodes.stream().filter(LocatorProcess::isAlive).toList();
    }

    /** A random live node other than {@code except}. */
    private LocatorProcess randomLive(LocatorProcess except) {
        List<LocatorProcess> candidates = live().stream().filter(node -> node != except).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private LocatorProcess byAddress(String ringAddress) {
        return nodes.stream().filter(node -> node.ringAddress().equals(ringAddress)).findFirst().orElseThrow();
    }

    private Map<String, RingStatus> liveStates() {
        return ProcessTests.ringStates(live(), LocatorProcess::ringAddress, node -> node.client().ring());
    }

    private String dump() {
        return ProcessTests.dump(nodes, (node, out) -> out.append(node.client().ring()));
    }
}
