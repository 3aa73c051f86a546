package io.sectorsphere.locator.replication;

import io.sectorsphere.locator.config.LocatorProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the replica check every {@code check-interval} on a thread this context owns (several
 * locators may share one JVM), from one interval after start until the context stops.
 */
@Component
class ReplicationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicationSchedule.class);

    private final ReplicationChecker checker;
    private final ReplicaRequester requester;
    private final LocatorProperties.Replication settings;
    private ScheduledExecutorService scheduler;

    ReplicationSchedule(ReplicationChecker checker, ReplicaRequester requester, LocatorProperties properties) {
        this.checker = checker;
        this.requester = requester;
        this.settings = properties.replication();
    }

    @Override
    public synchronized void start() {
        if (!requester.canRequest()) {
            log.warn("no sector.locator.replication.token: under-replicated files are counted but no copies requested");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("replication-check").daemon().factory());
        long millis = settings.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                checker.round();
            } catch (RuntimeException e) {
                // A failed round (the ring unreachable, say) must not cancel the schedule.
                log.warn("replica check failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the check, waiting at most one copy request for a running round to end. */
    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            Duration wait = settings.requestTimeout();
            if (!scheduler.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("replica check did not stop within {}", wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
