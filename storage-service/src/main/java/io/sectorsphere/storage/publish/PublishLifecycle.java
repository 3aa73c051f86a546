package io.sectorsphere.storage.publish;

import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.config.StorageProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the web server listens (a record names the bound port), binds this node's identity and
 * starts publishing rounds and heartbeats; stops them before the web server goes away.
 */
@Component
class PublishLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishLifecycle.class);

    private final NodeIdentity identity;
    private final Publisher publisher;
    private final NodeHeartbeat heartbeat;
    private final ScheduledExecutorService scheduler;
    private final Duration roundInterval;
    private final Duration heartbeatInterval;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private volatile boolean running;

    PublishLifecycle(NodeIdentity identity, Publisher publisher, NodeHeartbeat heartbeat,
                     ScheduledExecutorService storageScheduler, StorageProperties properties) {
        this.identity = identity;
        this.publisher = publisher;
        this.heartbeat = heartbeat;
        this.scheduler = storageScheduler;
        this.roundInterval = properties.rescanInterval();
        this.heartbeatInterval = properties.heartbeatInterval();
    }

    @EventListener
    synchronized void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a separate management server
        }
        NodeIdentity.Self self = identity.bind(event.getWebServer().getPort());
        log.info("storage node {} publishing to {}", self.holder(), identity.locatorUrl());
        tasks.add(every(roundInterval, "publishing", publisher::round));
        tasks.add(every(heartbeatInterval, "heartbeat", heartbeat::beat));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        tasks.forEach(task -> task.cancel(true));
        tasks.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private ScheduledFuture<?> every(Duration interval, String what, Runnable round) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule; the next one retries.
                log.warn("{} round failed: {}", what, e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
