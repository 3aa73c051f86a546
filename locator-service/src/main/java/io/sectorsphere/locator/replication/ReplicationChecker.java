package io.sectorsphere.locator.replication;

import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.replication.ReplicationStatus;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.nodes.NodeRegistry;
import io.sectorsphere.locator.records.LocationRecords;
import io.sectorsphere.locator.replication.ReplicationPlanner.CopyOrder;
import io.sectorsphere.locator.replication.ReplicationPlanner.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One round of the owner-side replica check (Sector: "the locator that owns a file's record sees
 * its replica count"): counts the live replicas of every file whose record this node owns and, for
 * each file below the minimum, asks a randomly chosen node with room to copy it from a holder.
 */
@Component
class ReplicationChecker {

    private static final Logger log = LoggerFactory.getLogger(ReplicationChecker.class);
    /** Far above the copies a healthy cluster has under way, small enough to cost little memory. */
    private static final int MAX_IN_FLIGHT = 10_000;

    private record Counts(int ownedFiles, int underReplicated) {
    }

    private final LocationRecords records;
    private final NodeRegistry registry;
    private final ReplicaRequester requester;
    private final ReplicationMetrics metrics;
    private final ReplicationPlanner planner;
    private final InFlightCopies inFlight = new InFlightCopies(MAX_IN_FLIGHT);
    private final int minCopies;
    private final Duration copyTimeout;
    private final Clock clock;
    private volatile Counts counts = new Counts(0, 0);

    ReplicationChecker(LocationRecords records, NodeRegistry registry, ReplicaRequester requester,
                       ReplicationMetrics metrics, LocatorProperties properties, Clock clock) {
        this.records = records;
        this.registry = registry;
        this.requester = requester;
        this.metrics = metrics;
        this.minCopies = properties.replication().minCopies();
        this.copyTimeout = properties.replication().copyTimeout();
        this.planner = new ReplicationPlanner(minCopies, RandomGenerator.getDefault());
        this.clock = clock;
    }

    /** Checks this node's records once; asks for copies only if it has a token to present. */
    void round() {
        Instant now = clock.instant();
        Map<String, List<Replica>> owned = withAnsweringHolders(records.owned());
        inFlight.settle(owned, now);
        Map<String, List<Replica>> under = planner.underReplicated(owned);
        counts = new Counts(owned.size(), under.size());
        metrics.underReplicated(under.size());
        if (under.isEmpty() || !requester.canRequest()) {
            return;
        }
        Plan plan = planner.plan(under, registry.live(), inFlight.pending());
        metrics.noTarget(plan.withoutTarget());
        if (plan.withoutTarget() > 0) {
            log.info("no node has room for another copy of {} under-replicated files", plan.withoutTarget());
        }
        for (CopyOrder order : plan.orders()) {
            if (inFlight.isFull()) {
                log.warn("{} copies in flight already; asking for more in a later round", inFlight.size());
                return;
            }
            ReplicaRequester.Outcome outcome = requester.request(order);
            metrics.requested(outcome);
            if (outcome == ReplicaRequester.Outcome.ACCEPTED) {
                inFlight.add(order.name(), order.target().address(), now.plus(copyTimeout));
            }
        }
    }

    /** The records with only the replicas whose holder answers a probe, each holder probed once. */
    private Map<String, List<Replica>> withAnsweringHolders(Map<String, List<Replica>> owned) {
        Map<String, Boolean> answering = new HashMap<>();
        Map<String, List<Replica>> live = new LinkedHashMap<>();
        owned.forEach((name, replicas) -> live.put(name, replicas.stream()
                .filter(replica -> answering.computeIfAbsent(replica.httpAddress(), requester::answers))
                .toList()));
        return live;
    }

    ReplicationStatus status() {
        Counts now = counts;
        return new ReplicationStatus(minCopies, now.ownedFiles(), now.underReplicated(), inFlight.size());
    }
}
