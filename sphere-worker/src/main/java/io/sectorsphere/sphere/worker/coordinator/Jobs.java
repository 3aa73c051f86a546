package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.sphere.worker.cluster.ClusterWorkers;
import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import io.sectorsphere.sphere.worker.config.WorkerConfiguration.TransferTimeout;
import io.sectorsphere.sphere.worker.metrics.SphereMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.sectorsphere.common.sphere.JobCheckpoint;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The jobs this worker coordinates: submitted here, run on a virtual thread each, kept a while after. */
@Component
public class Jobs implements DisposableBean {

    private static final Pattern JOB_ID = Pattern.compile("j[0-9a-f]{16}");

    private final Map<String, JobRun> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final JobPlanner planner;
    private final CoordinatorServices services;
    private final int retained;

    Jobs(SphereProperties properties, StorageGateway storage, ClusterWorkers cluster, LocalWorker local,
         RestClient workerRestClient, HttpClient workerHttpClient, TransferTimeout transferTimeout,
         SphereMetrics metrics, JobCheckpoints checkpoints, JsonMapper json) {
        Path root = properties.workDir().toAbsolutePath().normalize();
        this.planner = new JobPlanner(storage, local.storageUrl(), properties, root.resolve("planning"));
        WorkerClient workers = new WorkerClient(workerRestClient, workerHttpClient, transferTimeout.value());
        this.services = new CoordinatorServices(workers, cluster, storage, local, properties, metrics,
                root.resolve("results"), checkpoints, json);
        this.retained = properties.coordination().retained();
    }

    /** Checks and starts a job. */
    public JobStatus submit(JobRequest request, String token, String account) {
        String id = "j" + HexFormat.of().formatHex(random.generateSeed(8));
        JobRun run = new JobRun(planner.plan(id, request, token, account), services);
        synchronized (jobs) {
            jobs.put(id, run);
            forgetOldest();
        }
        Thread.ofVirtual().name("job-" + id).start(run);
        return run.status();
    }

    /**
     * The job's status: from here if this worker coordinates it, else from the coordinator its
     * checkpoint names (a job taken over after the worker it was submitted to died).
     */
    public JobStatus status(String id) {
        if (knows(id) || !JOB_ID.matcher(id).matches()) {
            return find(id).status();
        }
        JobCheckpoint checkpoint;
        try {
            checkpoint = services.checkpoints().all().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new JobNotFoundException("no job " + id + " is known here"));
        } catch (RestClientException e) {
            throw new JobNotFoundException("no job " + id + " is known here");
        }
        return services.workers().status(checkpoint.coordinator(), id);
    }

    /** Whether this worker coordinates (or coordinated) the job. */
    boolean knows(String id) {
        synchronized (jobs) {
            return jobs.containsKey(id);
        }
    }

    /** Takes over a job whose coordinator died, from its checkpoint. */
    void adopt(JobCheckpoint checkpoint) {
        JobState state = services.json().readValue(checkpoint.state(), JobState.class);
        JobRun run = JobRun.resume(state, services);
        synchronized (jobs) {
            if (jobs.containsKey(checkpoint.id())) {
                return;
            }
            jobs.put(checkpoint.id(), run);
            forgetOldest();
        }
        Thread.ofVirtual().name("job-" + checkpoint.id()).start(run);
    }

    /** Every job known here, newest first. */
    public List<JobStatus> list() {
        List<JobRun> runs;
        synchronized (jobs) {
            runs = new ArrayList<>(jobs.values());
        }
        return runs.reversed().stream().map(JobRun::status).toList();
    }

    public JobStatus cancel(String id) {
        JobRun run = find(id);
        run.cancel();
        return run.status();
    }

    /**
     * The files of a finished job's results, in segment order.
     *
     * @throws IllegalStateException while the job runs
     */
    public List<Path> results(String id) throws IOException {
        JobRun run = find(id);
        if (!run.finished()) {
            throw new JobRunningException("job " + id + " is still running: its results come when it has finished");
        }
        Path dir = run.resultsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".part")).sorted().toList();
        }
    }

    private JobRun find(String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw new JobNotFoundException("no job " + id + " is known here");
        }
        synchronized (jobs) {
            JobRun run = jobs.get(id);
            if (run == null) {
                throw new JobNotFoundException("no job " + id + " is known here");
            }
            return run;
        }
    }

    private void forgetOldest() {
        var finished = jobs.values().stream().filter(JobRun::finished).toList();
        for (int i = 0; i < finished.size() && jobs.size() > retained; i++) {
            JobRun old = finished.get(i);
            jobs.remove(old.spec().id());
            try {
                FileSystemUtils.deleteRecursively(old.resultsDir());
            } catch (IOException e) {
                // the next start's clean-up removes it
            }
        }
    }

    /** A worker that stops leaves its running jobs to be taken over, as if it had crashed. */
    @Override
    public void destroy() {
        synchronized (jobs) {
            jobs.values().forEach(JobRun::abandon);
        }
    }

    /** Results were asked for before the job finished. */
    public static class JobRunningException extends IllegalStateException {
        public JobRunningException(String message) {
            super(message);
        }
    }
}
