package io.sectorsphere.locator.ring;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.PeerUnavailableException;
import io.sectorsphere.locator.config.LocatorProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drives the ring node: joins (retrying until a seed answers) and runs the periodic Chord protocol
 * on a scheduler this context owns, so several locators in one JVM never share one.
 */
@Component
class RingMaintenance {

    private static final Logger log = LoggerFactory.getLogger(RingMaintenance.class);
    private static final int THREADS = 2;

    private final LocatorProperties.Ring settings;
    private final RingMetrics metrics;
    private ScheduledExecutorService scheduler;

    RingMaintenance(LocatorProperties properties, RingMetrics metrics) {
        this.settings = properties.ring();
        this.metrics = metrics;
    }

    /**
     * Creates a ring if there are no seeds, else starts joining through them (a {@code founder}
     * creates the ring after one round in which no seed answered); then runs the protocol.
     */
    synchronized void start(ChordNode node, List<NodeRef> seeds, boolean founder) {
        if (scheduler != null) {
            throw new IllegalStateException("ring maintenance already runs for " + node.self());
        }
        scheduler = Executors.newScheduledThreadPool(THREADS,
                Thread.ofPlatform().name("ring-" + node.self().address() + "-", 0).daemon().factory());
        if (seeds.isEmpty()) {
            node.create();
        } else {
            ScheduledExecutorService joiner = scheduler;
            joiner.execute(() -> join(joiner, node, seeds, founder));
        }
        every(settings.stabilizeInterval(), node, "stabilize", () -> {
            if (node.isMember()) {
                node.stabilize();
                metrics.stabilizationRound();
            }
        });
        every(settings.checkPredecessorInterval(), node, "check predecessor", node::checkPredecessor);
        every(settings.fixFingersInterval(), node, "fix fingers", node::fixFingers);
        every(settings.replicateInterval(), node, "replicate", node::replicate);
        every(settings.gossipInterval(), node, "gossip", node::gossip);
        every(settings.expireInterval(), node, "expire", () -> {
            int dropped = node.expire();
            if (dropped > 0) {
                log.debug("{} dropped {} expired entries", node.self(), dropped);
            }
        });
    }

    /** Stops every task, waiting at most one ring call for a running one to end. */
    synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            Duration wait = settings.rpcConnectTimeout().plus(settings.rpcReadTimeout());
            if (!scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("ring maintenance did not stop within {}", wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void join(ScheduledExecutorService joiner, ChordNode node, List<NodeRef> seeds, boolean founder) {
        for (NodeRef seed : seeds) {
            try {
                node.join(seed);
                return;
            } catch (PeerUnavailableException | LookupFailedException e) {
                log.info("{} could not join through {}: {}", node.self(), seed.address(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("{} failed to join through {}: {}", node.self(), seed.address(), e.toString());
            }
        }
        if (founder) {
            log.info("{} found no ring through {}; founding one", node.self(), seeds);
            node.create();
            return;
        }
        try {
            joiner.schedule(() -> join(joiner, node, seeds, false), settings.joinRetryInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.info("{} stopped before joining a ring", node.self());
        }
    }

    private void every(Duration interval, ChordNode node, String task, Runnable round) {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule; the next round retries.
                log.warn("{} {} round failed: {}", node.self(), task, e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
