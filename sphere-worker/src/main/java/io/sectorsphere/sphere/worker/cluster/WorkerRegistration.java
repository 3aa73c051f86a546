package io.sectorsphere.sphere.worker.cluster;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Keeps this worker in the ring's worker registry: a heartbeat every interval carrying a
 * time-to-live of three intervals (at least ten seconds), so a crashed worker drops out by itself; a
 * clean stop withdraws it.
 */
@Component
class WorkerRegistration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistration.class);
    /** A loaded machine delays heartbeats by seconds; a lost worker is found by its coordinators sooner anyway. */
    private static final long MIN_TTL_SECONDS = 10;

    private final ClusterWorkers workers;
    private final LocalWorker local;
    private final int elements;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sphere-heartbeat").daemon().factory());
    private volatile boolean running;
    private volatile boolean registered;

    WorkerRegistration(ClusterWorkers workers, LocalWorker local, SphereProperties properties) {
        this.workers = workers;
        this.local = local;
        this.elements = properties.effectiveProcessingElements();
        this.interval = properties.coordination().heartbeat();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        timer.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the last heartbeat reached the locator. */
    boolean registered() {
        return registered;
    }

    private void beat() {
        long ttl = Math.max(MIN_TTL_SECONDS, interval.multipliedBy(3).toSeconds());
        try {
            workers.register(new WorkerStatus(local.address(), local.url(), local.storageAddress(), elements, ttl));
            if (!registered) {
                log.info("worker {} registered with its locator ({} processing elements)", local.address(), elements);
            }
            registered = true;
        } catch (RestClientException | IllegalStateException e) {
            if (registered) {
                log.warn("worker {} could not renew its registration: {}", local.address(), e.getMessage());
            }
            registered = false;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        if (registered) {
            try {
                workers.withdraw(local.address());
            } catch (RestClientException e) {
                log.debug("could not withdraw worker {}: {}", local.address(), e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
