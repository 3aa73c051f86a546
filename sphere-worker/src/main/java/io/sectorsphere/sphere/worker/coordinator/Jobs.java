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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

/** The jobs this worker coordinates: submitted here, run on a virtual thread each, kept a while after. */
@Component
public class Jobs implements DisposableBean {

    private static final Pattern ID = Pattern.compile("j[0-9a-f]{16}");

    private final Map<String, JobRun> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final JobPlanner planner;
    private final CoordinatorServices services;
    private final int retained;

    Jobs(SphereProperties properties, StorageGateway storage, ClusterWorkers cluster, LocalWorker local,
         RestClient workerRestClient, HttpClient workerHttpClient, TransferTimeout transferTimeout,
         SphereMetrics metrics) {
        Path root = properties.workDir().toAbsolutePath().normalize();
        this.planner = new JobPlanner(storage, local.storageUrl(), properties, root.resolve("planning"));
        WorkerClient workers = new WorkerClient(workerRestClient, workerHttpClient, transferTimeout.value());
        this.services = new CoordinatorServices(workers, cluster, storage, local, properties, metrics, root.resolve("results"));
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

    public JobStatus status(String id) {
        return find(id).status();
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
        if (!ID.matcher(id).matches()) {
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

    @Override
    public void destroy() {
        synchronized (jobs) {
            jobs.values().forEach(JobRun::cancel);
        }
    }

    /** Results were asked for before the job finished. */
    public static class JobRunningException extends IllegalStateException {
        public JobRunningException(String message) {
            super(message);
        }
    }
}
