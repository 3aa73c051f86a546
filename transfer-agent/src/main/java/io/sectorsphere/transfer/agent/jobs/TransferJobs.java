package io.sectorsphere.transfer.agent.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sectorsphere.transfer.agent.config.AgentProperties;
import io.sectorsphere.transfer.agent.data.DataPlane;
import io.sectorsphere.transfer.agent.data.Transports;
import io.sectorsphere.transfer.choice.TransportPreference;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Accepts transfer jobs, runs a bounded number at once (more wait in a bounded queue), and keeps
 * the finished ones for {@code GET} until {@code retained} newer ones have finished. The files of
 * one job are copied in parallel, sharing the job's rate limit.
 *
 * <p>Metrics: {@code sector.transfer.jobs} (outcome), {@code sector.transfer.files} (outcome),
 * {@code sector.transfer.jobs.active} (queued or running).
 */
@Component
public class TransferJobs implements DisposableBean {

    private final AgentProperties.Jobs limits;
    private final FileCopier copier;
    private final DataPlane self;
    private final Transports transports;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor runner;
    /** Oldest first. */
    private final Map<String, TransferJob> jobs = new LinkedHashMap<>();

    TransferJobs(AgentProperties properties, FileCopier copier, DataPlane self, Transports transports, Clock clock,
                 MeterRegistry meters) {
        this.limits = properties.jobs();
        this.copier = copier;
        this.self = self;
        this.transports = transports;
        this.clock = clock;
        this.meters = meters;
        BlockingQueue<Runnable> queue = limits.maxQueued() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.maxQueued());
        this.runner = new ThreadPoolExecutor(limits.maxRunning(), limits.maxRunning(), 0, TimeUnit.SECONDS, queue,
                Thread.ofVirtual().name("transfer-job-", 0).factory());
        Gauge.builder("sector.transfer.jobs.active", this, TransferJobs::active)
                .description("Transfer jobs queued or running").register(meters);
    }

    /**
     * Queues a job.
     *
     * @throws JobsBusyException     if the queue is full
     * @throws IllegalStateException if the job asks for UDT and this agent has none
     */
    public TransferView submit(TransferRequest request) {
        if (request.transportPreference() == TransportPreference.UDT && !transports.udtAvailable()) {
            throw new IllegalStateException("UDT is not available on this agent; use tcp or auto");
        }
        String target = request.target() != null ? request.target() : self.dataAddress();
        TransferJob job = new TransferJob(UUID.randomUUID().toString(), request, target, clock);
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
        try {
            runner.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            synchronized (jobs) {
                jobs.remove(job.id());
            }
            throw new JobsBusyException(limits.maxQueued());
        }
        return job.view();
    }

    public TransferView get(String id) {
        synchronized (jobs) {
            TransferJob job = jobs.get(id);
            if (job == null) {
                throw new JobNotFoundException(id);
            }
            return job.view();
        }
    }

    /** Every job still known, newest first. */
    public List<TransferView> list() {
        List<TransferJob> known;
        synchronized (jobs) {
            known = new ArrayList<>(jobs.values());
        }
        return known.reversed().stream().map(TransferJob::view).toList();
    }

    private void run(TransferJob job) {
        job.started();
        ByteRateLimiter limiter = ByteRateLimiter.of(job.request().rateLimitBytesPerSecond());
        Semaphore slots = new Semaphore(limits.filesInParallel());
        List<Thread> threads = new ArrayList<>();
        try {
            for (FileProgress file : job.files()) {
                slots.acquire();
                threads.add(Thread.ofVirtual().name("transfer-file-" + job.id()).start(() -> {
                    try {
                        copier.copy(job, file, limiter);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        } finally {
            job.files().stream().filter(file -> file.state() == FileState.QUEUED || file.state() == FileState.RUNNING)
                    .forEach(file -> file.finished(FileState.FAILED, "the agent stopped"));
            job.finished();
            job.files().forEach(file -> meters.counter("sector.transfer.files",
                    "outcome", file.state().name().toLowerCase()).increment());
            meters.counter("sector.transfer.jobs", "outcome", job.state().name().toLowerCase()).increment();
            forgetOldFinished();
        }
    }

    private void forgetOldFinished() {
        synchronized (jobs) {
            long finished = jobs.values().stream().filter(TransferJobs::isFinished).count();
            Iterator<TransferJob> oldestFirst = jobs.values().iterator();
            while (finished > limits.retained() && oldestFirst.hasNext()) {
                if (isFinished(oldestFirst.next())) {
                    oldestFirst.remove();
                    finished--;
                }
            }
        }
    }

    private static boolean isFinished(TransferJob job) {
        return job.state() == JobState.SUCCEEDED || job.state() == JobState.FAILED;
    }

    private double active() {
        return runner.getActiveCount() + runner.getQueue().size();
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
