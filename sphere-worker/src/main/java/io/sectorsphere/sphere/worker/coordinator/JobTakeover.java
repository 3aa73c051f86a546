package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.sphere.JobCheckpoint;
import io.sectorsphere.sphere.worker.cluster.ClusterWorkers;
import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Finds jobs whose coordinator has left the worker registry (it crashed, or stopped) and takes them
 * over. Every worker looks each heartbeat; of the live workers, the first by address adopts a job,
 * so exactly one does once the registry agrees. A registration lives at least ten seconds, so a job
 * is taken over within about twenty.
 */
@Component
class JobTakeover implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobTakeover.class);

    private final JobCheckpoints checkpoints;
    private final ClusterWorkers cluster;
    private final LocalWorker local;
    private final Jobs jobs;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sphere-takeover").daemon().factory());

    JobTakeover(JobCheckpoints checkpoints, ClusterWorkers cluster, LocalWorker local, Jobs jobs,
                SphereProperties properties) {
        this.checkpoints = checkpoints;
        this.cluster = cluster;
        this.local = local;
        this.jobs = jobs;
        this.interval = properties.coordination().heartbeat();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        timer.scheduleWithFixedDelay(this::look, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        try {
            List<JobCheckpoint> orphans;
            List<WorkerStatus> live = cluster.live();
            Set<String> coordinators = live.stream().map(WorkerStatus::httpAddress).collect(Collectors.toSet());
            orphans = checkpoints.all().stream()
                    .filter(checkpoint -> !checkpoint.finished())
                    .filter(checkpoint -> !coordinators.contains(checkpoint.coordinator()))
                    .filter(checkpoint -> !jobs.knows(checkpoint.id()))
                    .toList();
            if (orphans.isEmpty()) {
                return;
            }
            String chosen = live.stream().min(Comparator.comparing(WorkerStatus::address))
                    .map(WorkerStatus::httpAddress).orElse(null);
            if (!local.url().equals(chosen)) {
                return;
            }
            for (JobCheckpoint orphan : orphans) {
                log.warn("job {}: its coordinator {} is gone; {} takes it over", orphan.id(), orphan.coordinator(),
                        local.url());
                jobs.adopt(orphan);
            }
        } catch (RestClientException | IllegalStateException e) {
            log.debug("no look for orphaned jobs this round: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("looking for orphaned jobs failed", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
