package io.sectorsphere.locator.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.locator.replication.ReplicationPlanner.CopyOrder;
import io.sectorsphere.locator.replication.ReplicationPlanner.Plan;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicationPlannerTest {

    private static final Instant OLD = Instant.parse("2026-11-22T03:00:00Z");
    private static final Instant NEW = Instant.parse("2026-11-22T04:00:00Z");
    private static final String CHECKSUM_OLD = "sha256:" + "11".repeat(32);
    private static final String CHECKSUM_NEW = "sha256:" + "22".repeat(32);

    @Test
    void filesWithAtLeastOneButFewerThanTheMinimumReplicasAreUnderReplicated() {
        ReplicationPlanner planner = new ReplicationPlanner(2, new Random(1));
        Map<String, List<Replica>> owned = Map.of(
                "none", List.of(),
                "one", List.of(replica("n1", 10, NEW, CHECKSUM_NEW)),
                "two", List.of(replica("n1", 10, NEW, CHECKSUM_NEW), replica("n2", 10, NEW, CHECKSUM_NEW)));

        assertThat(planner.underReplicated(owned)).containsOnlyKeys("one");
    }

    @Test
    void theTargetNeitherHoldsTheFileNorIsAboutToAndHasRoomForIt() {
        ReplicationPlanner planner = new ReplicationPlanner(3, new Random(2));
        Map<String, List<Replica>> under = Map.of("f", List.of(replica("holder", 100, NEW, CHECKSUM_NEW)));
        List<NodeStatus> nodes = List.of(node("holder", 1000), node("pending", 1000), node("small", 99),
                node("good", 100));

        Plan plan = planner.plan(under, nodes, Map.of("f", Set.of("pending:1")));

        assertThat(plan.orders()).singleElement().satisfies(order -> {
            assertThat(order.name()).isEqualTo("f");
            assertThat(order.target().address()).isEqualTo("good:1");
            assertThat(order.source().holder()).isEqualTo("holder:1");
            assertThat(order.checksum()).isEqualTo(CHECKSUM_NEW);
        });
        assertThat(plan.withoutTarget()).isZero();
    }

    @Test
    void everyMissingCopyGetsATargetOfItsOwn() {
        ReplicationPlanner planner = new ReplicationPlanner(4, new Random(3));
        Map<String, List<Replica>> under = Map.of("f", List.of(replica("a", 1, NEW, CHECKSUM_NEW)));
        List<NodeStatus> nodes = List.of(node("a", 10), node("b", 10), node("c", 10), node("d", 10), node("e", 10));

        Plan plan = planner.plan(under, nodes, Map.of());

        assertThat(plan.orders()).hasSize(3).extracting(order -> order.target().address()).doesNotHaveDuplicates()
                .doesNotContain("a:1");
    }

    @Test
    void aNodeIsNotPromisedMoreThanItsFreeSpaceInOneRound() {
        ReplicationPlanner planner = new ReplicationPlanner(2, new Random(4));
        Map<String, List<Replica>> under = Map.of(
                "f1", List.of(replica("a", 60, NEW, CHECKSUM_NEW)),
                "f2", List.of(replica("a", 60, NEW, CHECKSUM_NEW)));

        Plan plan = planner.plan(under, List.of(node("a", 1000), node("b", 100)), Map.of());

        assertThat(plan.orders()).extracting(CopyOrder::name).containsExactly("f1");
        assertThat(plan.withoutTarget()).isEqualTo(1);
    }

    @Test
    void aFileWhoseCopiesAreUnderWayGetsNoFurtherOrder() {
        ReplicationPlanner planner = new ReplicationPlanner(2, new Random(5));
        Map<String, List<Replica>> under = Map.of("f", List.of(replica("a", 1, NEW, CHECKSUM_NEW)));

        Plan plan = planner.plan(under, List.of(node("a", 10), node("b", 10), node("c", 10)),
                Map.of("f", Set.of("b:1")));

        assertThat(plan.orders()).isEmpty();
        assertThat(plan.withoutTarget()).isZero();
    }

    @Test
    void onlyHoldersOfTheNewestContentAreCopiedFromAndTargetsVaryAtRandom() {
        Map<String, List<Replica>> under = Map.of("f", List.of(replica("stale", 5, OLD, CHECKSUM_OLD),
                replica("fresh1", 5, NEW, CHECKSUM_NEW), replica("fresh2", 5, NEW, CHECKSUM_NEW)));
        List<NodeStatus> nodes = List.of(node("t1", 10), node("t2", 10), node("t3", 10), node("t4", 10));
        Set<String> sources = new HashSet<>();
        Set<String> targets = new HashSet<>();

        ReplicationPlanner planner = new ReplicationPlanner(4, new Random(6));
        for (int round = 0; round < 32; round++) {
            Plan plan = planner.plan(under, nodes, Map.of());
            CopyOrder order = plan.orders().getFirst();
            assertThat(order.checksum()).isEqualTo(CHECKSUM_NEW);
            sources.add(order.source().holder());
            targets.add(order.target().address());
        }

        assertThat(sources).containsExactlyInAnyOrder("fresh1:1", "fresh2:1");
        assertThat(targets).hasSizeGreaterThan(1);
    }

    static Replica replica(String host, long size, Instant mtime, String checksum) {
        return new Replica(host + ":1", "http://" + host + ":1", host + ":2", size, mtime, checksum,
                NEW.plusSeconds(600));
    }

    static NodeStatus node(String host, long freeBytes) {
        return new NodeStatus(host + ":1", "http://" + host + ":1", host + ":2", 1_000_000, freeBytes, 0, 60);
    }
}
