package io.sectorsphere.sphere.worker.exec;

import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;
import io.sectorsphere.sphere.runtime.SpeEvent;
import io.sectorsphere.sphere.runtime.SpeRequest;
import io.sectorsphere.sphere.runtime.records.RecordIndex;
import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import io.sectorsphere.sphere.worker.config.WorkerConfiguration.TransferTimeout;
import io.sectorsphere.sphere.worker.metrics.SphereMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The attempts this worker runs for coordinators: each on a virtual thread that finds the input,
 * waits for a processing element, runs the function there, and sends bucket output to its owners.
 * An attempt's output stays in its own directory until the coordinator fetches it, publishes it, or
 * forgets the job.
 */
@Component
public class Tasks {

    private static final Logger log = LoggerFactory.getLogger(Tasks.class);

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Path workDir;
    private final SpePool pool;
    private final InputFiles inputs;
    private final BucketShipper shipper;
    private final StorageGateway storage;
    private final LocalWorker local;
    private final SphereMetrics metrics;

    Tasks(SphereProperties properties, SpePool pool, StorageGateway storage, HttpClient workerHttpClient,
          TransferTimeout transferTimeout, LocalWorker local, SphereMetrics metrics) {
        this.workDir = properties.workDir().toAbsolutePath().normalize();
        this.pool = pool;
        this.inputs = new InputFiles(properties.dataDir().toAbsolutePath().normalize(), storage);
        this.shipper = new BucketShipper(workerHttpClient, transferTimeout.value());
        this.storage = storage;
        this.local = local;
        this.metrics = metrics;
    }

    /** Starts an attempt, or answers for the one already running under that id. */
    public TaskReport start(TaskRequest request) {
        RecordFormat.parse(request.format());
        UnitKind.valueOf(request.unit());
        Task task = tasks.computeIfAbsent(request.taskId(), id -> {
            Task created = new Task(request, workDir.resolve("tasks").resolve(id));
            Thread.ofVirtual().name("task-" + id).start(() -> execute(created));
            return created;
        });
        return task.report();
    }

    public Optional<TaskReport> report(String taskId) {
        return Optional.ofNullable(tasks.get(taskId)).map(Task::report);
    }

    /** Stops an attempt (killing its processing element if it runs) and drops its output. */
    public void cancel(String taskId) {
        Task task = tasks.remove(taskId);
        if (task != null) {
            task.cancel();
            delete(task.directory());
        }
    }

    /** The records a finished attempt returned for the caller, or empty if it returned none. */
    public Optional<Path> output(String taskId) {
        Task task = requireSucceeded(taskId);
        Path out = task.outputDir().resolve("out");
        return Files.isRegularFile(out) ? Optional.of(out) : Optional.empty();
    }

    /**
     * Stores a finished attempt's output on this node's storage node as {@code name} (and its index).
     *
     * @return the file's size
     */
    public long publish(String taskId, String name) throws IOException {
        Task task = requireSucceeded(taskId);
        Path out = task.outputDir().resolve("out");
        if (!Files.exists(out)) {
            Files.createFile(out);
            if (task.request().writeIndex()) {
                Files.write(RecordIndex.pathFor(out), new byte[Long.BYTES]);
            }
        }
        String token = task.request().token();
        storage.upload(local.storageUrl(), name, out, token);
        Path index = RecordIndex.pathFor(out);
        if (Files.isRegularFile(index)) {
            storage.upload(local.storageUrl(), name + ".idx", index, token);
        }
        return Files.size(out);
    }

    /** Drops every attempt of a job, running or not, and the job's fetched inputs. */
    public void forgetJob(String jobId) {
        List<String> ids = tasks.values().stream().filter(task -> task.request().jobId().equals(jobId))
                .map(task -> task.request().taskId()).toList();
        ids.forEach(this::cancel);
        delete(jobDir(jobId));
    }

    private Task requireSucceeded(String taskId) {
        Task task = tasks.get(taskId);
        if (task == null || !task.succeeded()) {
            throw new TaskNotFoundException("no finished attempt " + taskId + " here");
        }
        return task;
    }

    private void execute(Task task) {
        TaskRequest request = task.request();
        long started = System.nanoTime();
        try {
            RecordFormat format = RecordFormat.parse(request.format());
            InputFiles.Resolved input = inputs.resolve(request.fileName(), request.fileSize(),
                    format.kind() == RecordFormat.Kind.INDEX, request.holderUrls(), jobDir(request.jobId()));
            task.readLocally(input.local());
            Path jar = request.jar() == null ? null
                    : inputs.jar(request.jar(), List.of(local.storageUrl()), jobDir(request.jobId()));
            SpeRequest attempt = new SpeRequest(request.jobId(), request.stage(), request.operator(), jar,
                    Base64.getDecoder().decode(request.parameters()), UnitKind.valueOf(request.unit()),
                    request.recordsPerUnit(), format, input.file(), request.fileName(), request.offset(),
                    request.length(), request.buckets(), request.writeIndex(), task.outputDir(),
                    task.directory().resolve("scratch"), jobDir(request.jobId()).resolve("state"));
            SpeEvent outcome = pool.run(attempt, task::cancelled);
            delete(task.directory().resolve("scratch"));
            metrics.functionTime(System.nanoTime() - started);
            switch (outcome) {
                case SpeEvent.Finished finished -> {
                    if (request.buckets() > 0) {
                        metrics.shuffled(shipper.ship(request, task.outputDir()));
                    }
                    task.succeeded(finished.recordsIn(), finished.recordsOut(), finished.bytesOut());
                }
                case SpeEvent.Failed failed -> task.failed(failed.message());
                case SpeEvent.UnitStarted ignored -> task.failed("the processing element reported nothing");
            }
        } catch (BucketShipper.OwnerUnreachableException e) {
            task.failed(e.getMessage(), e.owner());
        } catch (IOException | RuntimeException e) {
            log.warn("attempt {} could not run: {}", request.taskId(), e.toString());
            task.failed("the attempt could not run on " + local.address() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.failed("the worker is stopping");
        }
        if (task.cancelled()) {
            delete(task.directory());
        }
    }

    private Path jobDir(String jobId) {
        return workDir.resolve("jobs").resolve(jobId);
    }

    static void delete(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
