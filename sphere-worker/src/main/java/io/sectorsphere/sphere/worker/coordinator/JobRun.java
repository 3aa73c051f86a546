package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.sphere.JobCheckpoint;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.StageStatus;
import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.worker.exec.TaskReport;
import io.sectorsphere.sphere.worker.exec.TaskRequest;
import io.sectorsphere.sphere.worker.job.InputFile;
import io.sectorsphere.sphere.worker.job.JobSpec;
import io.sectorsphere.sphere.worker.job.OutputSpec;
import io.sectorsphere.sphere.worker.job.Segment;
import io.sectorsphere.sphere.worker.job.Segmenter;
import io.sectorsphere.sphere.worker.job.StageSpec;
import io.sectorsphere.sphere.worker.metrics.SphereMetrics;
import io.sectorsphere.sphere.worker.shuffle.BucketStore;
import io.sectorsphere.sphere.worker.web.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

/**
 * Runs one job to its end on the coordinator: stage after stage, it cuts the input into segments,
 * places them on workers, polls the attempts, re-runs what failed or was lost, copies stragglers, and
 * commits each stage's output from the accepted attempts only; then it removes what the job left
 * on the workers, and on failure or cancellation every file the job had stored.
 */
final class JobRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JobRun.class);
    private static final Duration LOCATABLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NO_WORKER_PATIENCE = Duration.ofSeconds(60);
    private static final long REGISTRY_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int DELETE_ROUNDS = 10;
    private static final long DELETE_PAUSE_MILLIS = 1000;

    /** Attempt numbers of one coordinator generation lie in [generation × this, (generation + 1) × this). */
    private static final int ATTEMPTS_PER_GENERATION = 1000;
    /** How long a checkpoint lives unless saved again: a running job saves it at every stage. */
    private static final long CHECKPOINT_TTL_SECONDS = 3600;
    /** A finished job's entry names its coordinator for this long, so any worker can answer for it. */
    private static final long FINISHED_TTL_SECONDS = 600;
    private static final long CHECKPOINT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final JobSpec spec;
    private final CoordinatorServices services;
    private final JobState resumeFrom;
    private final int generation;
    private long lastCheckpointNanos;
    private volatile boolean abandoned;
    private final List<StageRun> stages = new ArrayList<>();
    private final Set<String> stored = new LinkedHashSet<>();
    private final Set<String> workersUsed = new LinkedHashSet<>();
    private final Map<String, Long> silentSince = new HashMap<>();
    /** The registry as last read, for a round in which the ring does not answer. */
    private List<WorkerStatus> lastRegistry = List.of();
    private long lastRegistryNanos;
    private volatile boolean cancelRequested;
    private String state = "RUNNING";
    private String error;
    private Instant finishedAt;
    private List<String> outputs = List.of();

    JobRun(JobSpec spec, CoordinatorServices services) {
        this(spec, services, null);
    }

    private JobRun(JobSpec spec, CoordinatorServices services, JobState resumeFrom) {
        this.spec = spec;
        this.services = services;
        this.resumeFrom = resumeFrom;
        this.generation = resumeFrom == null ? 0 : resumeFrom.generation() + 1;
    }

    /** Takes over a job whose coordinator died, from its last checkpoint. */
    static JobRun resume(JobState state, CoordinatorServices services) {
        return new JobRun(state.spec(), services, state);
    }

    /**
     * Stops coordinating without cleaning anything up: this worker is going away, and the job's
     * checkpoint lets another worker finish it.
     */
    void abandon() {
        abandoned = true;
    }

    JobSpec spec() {
        return spec;
    }

    void cancel() {
        cancelRequested = true;
    }

    /** Where segment results returned to the caller are kept, one file per segment. */
    Path resultsDir() {
        return services.resultsRoot().resolve(spec.id());
    }

    @Override
    public void run() {
        String outcome;
        try {
            runStages();
            outcome = "SUCCEEDED";
        } catch (AbandonedException e) {
            log.info("job {} ({}) left for another worker to take over", spec.id(), spec.name());
            return;
        } catch (CancelledException e) {
            outcome = "CANCELLED";
        } catch (JobFailedException e) {
            outcome = "FAILED";
            fail(e.getMessage());
        } catch (RuntimeException e) {
            log.error("job {} failed unexpectedly", spec.id(), e);
            outcome = "FAILED";
            fail("the coordinator failed: " + e);
        }
        cleanUp(outcome);
        try {
            services.checkpoints().save(new JobCheckpoint(spec.id(), services.local().url(), "{}",
                    FINISHED_TTL_SECONDS, true));
        } catch (RestClientException e) {
            log.warn("job {}: its checkpoint could not be closed: {}", spec.id(), e.getMessage());
        }
        synchronized (this) {
            state = outcome;
            finishedAt = Instant.now();
        }
        services.metrics().job(switch (outcome) {
            case "SUCCEEDED" -> SphereMetrics.Outcome.SUCCEEDED;
            case "CANCELLED" -> SphereMetrics.Outcome.CANCELLED;
            default -> SphereMetrics.Outcome.FAILED;
        });
        log.info("job {} ({}) {}{}", spec.id(), spec.name(), outcome.toLowerCase(Locale.ROOT),
                error == null ? "" : ": " + error);
    }

    private synchronized void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    private void runStages() {
        int first = resumeFrom == null ? 0 : resumeFrom.stage();
        List<InputFile> input = resumeFrom == null ? spec.input() : resumeFrom.stageInput();
        if (resumeFrom != null) {
            stored.addAll(resumeFrom.stored());
        }
        for (StageSpec stage : spec.stages().subList(first, spec.stages().size())) {
            StageRun run = resumeFrom != null && stage.index() == first ? resumed(stage) : planned(stage, input);
            synchronized (this) {
                stages.add(run);
            }
            checkpoint(run, input, true);
            List<StoredFile> files;
            do {
                runUntilAllAccepted(run, input);
                files = commit(run);
            } while (files == null);
            synchronized (this) {
                if (stage.index() == spec.stages().size() - 1) {
                    outputs = files.stream().map(StoredFile::name).toList();
                }
            }
            if (stage.index() == spec.stages().size() - 1) {
                awaitLocatable(files);
            }
            input = files.stream().sorted(Comparator.comparing(StoredFile::name))
                    .map(file -> new InputFile(file.name(), file.size(), List.of(file.holder()), List.of(file.holderUrl())))
                    .toList();
        }
    }

    /**
     * The job is done when any node can find its output through the ring, not merely when it is
     * stored; past a minute (a ring too busy to take the records) it is done all the same.
     */
    private void awaitLocatable(List<StoredFile> files) {
        long deadline = System.nanoTime() + LOCATABLE_TIMEOUT.toNanos();
        for (StoredFile file : files) {
            while (!locatable(file.name())) {
                if (System.nanoTime() > deadline) {
                    // Stored is stored: the node publishes it again at its next refresh, so it appears late
                    // rather than never. Failing the job would throw finished output away.
                    log.warn("job {}: the output {} is stored but not yet on the ring; it appears at the node's next "
                            + "refresh", spec.id(), file.name());
                    return;
                }
                if (cancelRequested) {
                    throw new CancelledException();
                }
                sleep(100);
            }
        }
    }

    private boolean locatable(String name) {
        try {
            return services.storage().meta(services.local().storageUrl(), name)
                    .map(meta -> !meta.replicas().isEmpty()).orElse(false);
        } catch (RestClientException e) {
            return false;
        }
    }

    private StageRun planned(StageSpec stage, List<InputFile> input) {
        List<WorkerStatus> workers = liveWorkers();
        int elements = workers.stream().mapToInt(WorkerStatus::processingElements).sum();
        Segmenter segmenter = new Segmenter(spec.segmentMin(), spec.segmentMax(), this::recordOffsets);
        List<Segment> segments;
        try {
            segments = segmenter.segments(input, stage.format(), stage.unit(), elements);
        } catch (IllegalArgumentException e) {
            throw new JobFailedException("stage " + stage.index() + ": " + e.getMessage());
        }
        StageRun run = new StageRun(stage, segments);
        run.assignBuckets(workers);
        return run;
    }

    /**
     * The stage the last coordinator was in, with the attempts it had accepted. Output returned to
     * the caller was kept on the dead coordinator, so those segments run again.
     */
    private StageRun resumed(StageSpec stage) {
        StageRun run = new StageRun(stage, resumeFrom.segments());
        run.restoreBuckets(resumeFrom.bucketOwners());
        if (stage.output().kind() != OutputSpec.Kind.CALLER) {
            long now = System.nanoTime();
            for (JobState.Accepted accepted : resumeFrom.accepted()) {
                Attempt attempt = new Attempt(spec.id(), stage.index(), accepted.segment(), accepted.number(),
                        accepted.worker(), false, now);
                attempt.heardFrom(now, new TaskReport(accepted.taskId(), "SUCCEEDED", null, null,
                        accepted.recordsIn(), 0, accepted.recordsOut(), accepted.bytesOut(), accepted.local()));
                run.accepted(run.segment(accepted.segment()), attempt, now);
            }
        }
        log.info("job {}: taken over in stage {} with {} of {} segments accepted", spec.id(), stage.index(),
                run.status().done(), run.segments().size());
        return run;
    }

    /** Saves the job's state on the ring: at every stage's start, and at most every second as segments finish. */
    private void checkpoint(StageRun run, List<InputFile> input, boolean now) {
        long at = System.nanoTime();
        if (!now && at - lastCheckpointNanos < CHECKPOINT_EVERY_NANOS) {
            return;
        }
        lastCheckpointNanos = at;
        List<JobState.Accepted> accepted = run.segments().stream().filter(SegmentState::done).map(segment -> {
            Attempt attempt = segment.accepted();
            TaskReport report = attempt.report();
            return new JobState.Accepted(segment.segment().index(), attempt.number(), attempt.taskId(), attempt.worker(),
                    report != null && report.local(), report == null ? 0 : report.recordsIn(),
                    report == null ? 0 : report.recordsOut(), report == null ? 0 : report.bytesOut());
        }).toList();
        JobState state = new JobState(spec, generation, run.spec().index(), input,
                run.segments().stream().map(SegmentState::segment).toList(), run.bucketOwners(), accepted,
                List.copyOf(stored));
        try {
            services.checkpoints().save(new JobCheckpoint(spec.id(), services.local().url(),
                    services.json().writeValueAsString(state), CHECKPOINT_TTL_SECONDS, false));
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("job {}: checkpoint not saved ({}); the job goes on but would not survive this coordinator",
                    spec.id(), e.getMessage());
        }
    }

    private void runUntilAllAccepted(StageRun run, List<InputFile> input) {
        long poll = services.properties().coordination().pollInterval().toMillis();
        while (true) {
            if (abandoned) {
                throw new AbandonedException();
            }
            if (cancelRequested) {
                throw new CancelledException();
            }
            List<WorkerStatus> workers = liveWorkers();
            int accepted = run.status().done();
            pollAttempts(run, workers);
            if (run.status().done() != accepted) {
                checkpoint(run, input, false);
            }
            if (run.allDone()) {
                return;
            }
            for (StageRun.Placement placement : run.place(workers, Map.of())) {
                launch(run, placement);
            }
            for (StageRun.Placement copy : run.speculate(workers, Map.of(), services.properties().speculation(),
                    System.nanoTime())) {
                services.metrics().speculativeCopy();
                launch(run, copy);
            }
            sleep(poll);
        }
    }

    private void launch(StageRun run, StageRun.Placement placement) {
        SegmentState segment = placement.segment();
        Attempt attempt = new Attempt(spec.id(), run.spec().index(), segment.segment().index(),
                generation * ATTEMPTS_PER_GENERATION + segment.nextAttemptNumber(), placement.worker(),
                placement.speculative(), System.nanoTime());
        run.started(placement, attempt);
        workersUsed.add(placement.worker().httpAddress());
        try {
            TaskReport report = services.workers().start(placement.worker().httpAddress(), request(run, attempt));
            attempt.heardFrom(System.nanoTime(), report);
        } catch (RestClientException e) {
            log.warn("job {}: worker {} did not take {}: {}", spec.id(), placement.worker().address(), attempt.taskId(),
                    e.getMessage());
        }
    }

    private TaskRequest request(StageRun run, Attempt attempt) {
        StageSpec stage = run.spec();
        Segment segment = run.segment(attempt.segment()).segment();
        boolean writeIndex = stage.output().kind() != OutputSpec.Kind.CALLER
                && stage.format().kind() != RecordFormat.Kind.FIXED;
        return new TaskRequest(attempt.taskId(), spec.id(), stage.index(), segment.index(), attempt.number(),
                segment.file().name(), segment.offset(), segment.length(), segment.file().size(),
                segment.file().holderUrls(), stage.format().toString(), stage.unit().name(), stage.recordsPerUnit(),
                stage.operator(), stage.jar(), Base64.getEncoder().encodeToString(stage.parameters()),
                stage.output().kind().name(), run.bucketOwners(), writeIndex, spec.token());
    }

    private void pollAttempts(StageRun run, List<WorkerStatus> workers) {
        long lostAfter = services.properties().coordination().workerLostAfter().toNanos();
        for (Attempt attempt : run.running()) {
            SegmentState segment = run.segment(attempt.segment());
            long now = System.nanoTime();
            Optional<TaskReport> report;
            try {
                report = services.workers().report(attempt.worker().httpAddress(), attempt.taskId(), spec.token());
            } catch (RestClientException e) {
                if (now - attempt.lastContactNanos() > lostAfter) {
                    workerLost(run, attempt.worker(), workers);
                    return;
                }
                continue;
            }
            if (report.isEmpty()) {
                if (now - attempt.startedNanos() > lostAfter) {
                    lost(run, segment, attempt, "the worker no longer knows the attempt");
                }
                continue;
            }
            attempt.heardFrom(now, report.get());
            switch (report.get().state()) {
                case "SUCCEEDED" -> succeeded(run, segment, attempt);
                case "FAILED", "CANCELLED" -> failed(run, segment, attempt, report.get(), workers);
                default -> {
                }
            }
        }
    }

    private void succeeded(StageRun run, SegmentState segment, Attempt attempt) {
        if (segment.done()) {
            stop(attempt);
            return;
        }
        if (run.spec().output().kind() == OutputSpec.Kind.CALLER) {
            try {
                Path target = resultsDir().resolve(String.format(Locale.ROOT, "%05d", segment.segment().index()));
                services.workers().fetchOutput(attempt.worker().httpAddress(), attempt.taskId(), spec.token(), target);
            } catch (IOException | RestClientException e) {
                lost(run, segment, attempt, "its output could not be fetched: " + e.getMessage());
                return;
            }
        }
        services.metrics().segment(SphereMetrics.Outcome.SUCCEEDED);
        run.accepted(segment, attempt, System.nanoTime()).forEach(this::stop);
    }

    private void failed(StageRun run, SegmentState segment, Attempt attempt, TaskReport report, List<WorkerStatus> workers) {
        if (report.lostOwner() != null) {
            run.ended(segment, attempt, false);
            ownerLost(run, report.lostOwner(), workers);
            return;
        }
        services.metrics().segment(SphereMetrics.Outcome.FAILED);
        run.ended(segment, attempt, true);
        int failures = segment.failed();
        Segment failedSegment = segment.segment();
        log.info("job {}: attempt {} failed ({} of {}): {}", spec.id(), attempt.taskId(), failures,
                services.properties().coordination().maxAttempts(), report.error());
        if (failures >= services.properties().coordination().maxAttempts()) {
            throw new JobFailedException(String.format(Locale.ROOT, "segment %d (%s at %d) failed %d times: %s",
                    failedSegment.index(), failedSegment.file().name(), failedSegment.offset(), failures, report.error()));
        }
        if (segment.pending()) {
            services.metrics().retried();
        }
    }

    private void lost(StageRun run, SegmentState segment, Attempt attempt, String why) {
        log.info("job {}: attempt {} on {} lost: {}", spec.id(), attempt.taskId(), attempt.worker().address(), why);
        services.metrics().segment(SphereMetrics.Outcome.LOST);
        run.ended(segment, attempt, false);
        if (segment.pending()) {
            services.metrics().retried();
        }
    }

    /** A worker stopped answering: its attempts run again elsewhere, and so do its buckets' feeders. */
    private void workerLost(StageRun run, WorkerStatus worker, List<WorkerStatus> workers) {
        log.warn("job {}: worker {} is lost", spec.id(), worker.address());
        for (Attempt attempt : run.running()) {
            if (attempt.worker().address().equals(worker.address())) {
                lost(run, run.segment(attempt.segment()), attempt, "the worker stopped answering");
            }
        }
        if (run.ownsBuckets(worker.httpAddress())) {
            ownerLost(run, worker.httpAddress(), workers);
        }
        silentSince.put(worker.address(), System.nanoTime());
    }

    private void ownerLost(StageRun run, String owner, List<WorkerStatus> workers) {
        log.warn("job {}: bucket owner {} is lost; its buckets move and their segments run again", spec.id(), owner);
        List<WorkerStatus> others = workers.stream().filter(worker -> !worker.httpAddress().equals(owner)).toList();
        try {
            run.ownerLost(owner, others).forEach(this::stop);
        } catch (IllegalStateException e) {
            throw new JobFailedException(e.getMessage());
        }
        silentSince.put(owner, System.nanoTime());
    }

    /** Stores the stage's output from its accepted attempts; null when a node was lost and segments must run again. */
    private List<StoredFile> commit(StageRun run) {
        OutputSpec output = run.spec().output();
        List<StoredFile> files = new ArrayList<>();
        switch (output.kind()) {
            case CALLER -> {
                return files;
            }
            case LOCAL -> {
                for (SegmentState segment : run.segments()) {
                    Attempt attempt = segment.accepted();
                    String name = output.partName(segment.segment().index());
                    stored.add(name);
                    try {
                        files.add(services.workers().publish(attempt.worker().httpAddress(), attempt.taskId(), name,
                                spec.token()));
                    } catch (RestClientException e) {
                        log.warn("job {}: could not store {} from {}: {}", spec.id(), name, attempt.worker().address(),
                                e.getMessage());
                        segment.reopen();
                        return null;
                    }
                }
            }
            case BUCKETS -> {
                List<BucketStore.PartId> parts = run.segments().stream()
                        .map(segment -> new BucketStore.PartId(segment.segment().index(), segment.accepted().number()))
                        .toList();
                List<String> owners = run.bucketOwners();
                for (int bucket = 0; bucket < owners.size(); bucket++) {
                    String name = output.bucketName(bucket);
                    stored.add(name);
                    try {
                        files.add(services.workers().commitBucket(owners.get(bucket), spec.id(), run.spec().index(),
                                bucket, parts, name, spec.token()));
                    } catch (RestClientException e) {
                        ownerLost(run, owners.get(bucket), liveWorkers());
                        return null;
                    }
                }
            }
        }
        return files;
    }

    private void stop(Attempt attempt) {
        try {
            services.workers().cancel(attempt.worker().httpAddress(), attempt.taskId(), spec.token());
        } catch (RestClientException e) {
            log.debug("could not stop {}: {}", attempt.taskId(), e.getMessage());
        }
    }

    /**
     * Live workers, leaving out any this job found silent during the last registration period. With
     * none at all the job waits a while for one to register (or come back) before it fails.
     */
    private List<WorkerStatus> liveWorkers() {
        long deadline = System.nanoTime() + NO_WORKER_PATIENCE.toNanos();
        while (true) {
            List<WorkerStatus> live = registeredWorkers();
            if (!live.isEmpty()) {
                return live;
            }
            if (System.nanoTime() > deadline) {
                throw new JobFailedException("no live worker can run the job");
            }
            if (cancelRequested) {
                throw new CancelledException();
            }
            sleep(500);
        }
    }

    private List<WorkerStatus> registeredWorkers() {
        List<WorkerStatus> all = lastRegistry;
        long now = System.nanoTime();
        try {
            // The registry changes at heartbeat pace; reading it every poll round would be a ring read
            // per 200 ms per job for nothing.
            if (lastRegistry.isEmpty() || now - lastRegistryNanos > REGISTRY_REFRESH_NANOS) {
                all = services.cluster().live();
                lastRegistry = all;
                lastRegistryNanos = now;
            }
        } catch (RestClientException e) {
            if (lastRegistry.isEmpty()) {
                throw new JobFailedException("the worker registry cannot be read: " + e.getMessage());
            }
            log.debug("job {}: the worker registry did not answer, going on with the last list: {}", spec.id(),
                    e.getMessage());
            all = lastRegistry;
        }
        long forget = services.properties().coordination().heartbeat().multipliedBy(3).toNanos();
        silentSince.values().removeIf(since -> now - since > forget);
        return all.stream()
                .filter(worker -> !silentSince.containsKey(worker.address()) && !silentSince.containsKey(worker.httpAddress()))
                .toList();
    }

    private long[] recordOffsets(InputFile file) {
        for (String holder : file.holderUrls()) {
            try {
                Path copy = Files.createTempFile("sphere-index", ".idx");
                try {
                    services.storage().download(holder, file.name() + ".idx", copy);
                    byte[] bytes = Files.readAllBytes(copy);
                    long[] offsets = new long[bytes.length / Long.BYTES];
                    java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(offsets);
                    return offsets;
                } finally {
                    Files.deleteIfExists(copy);
                }
            } catch (IOException e) {
                log.debug("no record index of {} from {}: {}", file.name(), holder, e.getMessage());
            }
        }
        throw new IllegalArgumentException(file.name() + " has no record index (" + file.name()
                + ".idx): use format lines or fixed:N");
    }

    private void cleanUp(String outcome) {
        Set<String> toDelete = new LinkedHashSet<>();
        if (!outcome.equals("SUCCEEDED")) {
            toDelete.addAll(stored);
        } else {
            for (StageRun run : stages) {
                if (run.spec().output().temporary()) {
                    toDelete.addAll(stored.stream().filter(name -> name.startsWith(run.spec().output().prefix() + "/"))
                            .toList());
                }
            }
        }
        for (String name : toDelete) {
            delete(name);
        }
        for (String worker : workersUsed) {
            try {
                services.workers().forgetJob(worker, spec.id(), spec.token());
            } catch (RestClientException e) {
                log.debug("job {}: worker {} did not forget it: {}", spec.id(), worker, e.getMessage());
            }
        }
    }

    /**
     * Deletes a file the job stored, everywhere. The replica check may be copying it meanwhile, and a
     * copy made after the delete would outlive it, so the delete is repeated until no copy is listed.
     */
    private void delete(String name) {
        String storage = services.local().storageUrl();
        for (int round = 0; round < DELETE_ROUNDS; round++) {
            try {
                services.storage().delete(storage, name + ".idx", spec.token());
                services.storage().delete(storage, name, spec.token());
                if (services.storage().meta(storage, name).map(meta -> meta.replicas().isEmpty()).orElse(true)) {
                    return;
                }
            } catch (IOException | RestClientException e) {
                log.debug("job {}: deleting {} failed this round: {}", spec.id(), name, e.getMessage());
            }
            try {
                Thread.sleep(DELETE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.warn("job {}: {} may still have copies; delete it by hand", spec.id(), name);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    synchronized JobStatus status() {
        List<StageStatus> stageStatuses = stages.stream().map(StageRun::status).toList();
        long bytesIn = stageStatuses.stream().mapToLong(StageStatus::bytesIn).sum();
        long bytesOut = stageStatuses.stream().mapToLong(StageStatus::bytesOut).sum();
        long accepted = stages.stream().mapToLong(StageRun::acceptedBytes).sum();
        long local = stages.stream().mapToLong(StageRun::localBytes).sum();
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(1e-3, (end.toEpochMilli() - spec.submittedAt().toEpochMilli()) / 1000.0);
        double rate = bytesIn / seconds;
        Double eta = null;
        if (finishedAt == null && !stages.isEmpty() && rate > 0) {
            StageRun current = stages.getLast();
            int remainingStages = spec.stages().size() - stages.size();
            long left = current.totalBytes() - current.acceptedBytes() + remainingStages * current.totalBytes();
            eta = left / rate;
        }
        return new JobStatus(spec.id(), spec.name(), state, error, services.local().url(), spec.submittedAt(),
                finishedAt, stageStatuses, bytesIn, bytesOut, rate, eta, accepted == 0 ? 0 : (double) local / accepted,
                outputs);
    }

    synchronized boolean finished() {
        return finishedAt != null;
    }

    /** Thrown inside the run when this worker leaves the job to another. */
    private static final class AbandonedException extends RuntimeException {
        AbandonedException() {
            super(null, null, false, false);
        }
    }

    /** Thrown inside the run when the job is cancelled. */
    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super(null, null, false, false);
        }
    }
}
