package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.sphere.worker.exec.TaskReport;
import io.sectorsphere.sphere.worker.exec.TaskRequest;
import io.sectorsphere.sphere.worker.shuffle.BucketStore;
import io.sectorsphere.sphere.worker.shuffle.ShufflePaths;
import io.sectorsphere.sphere.worker.web.CommitRequest;
import io.sectorsphere.sphere.worker.web.PublishRequest;
import io.sectorsphere.sphere.worker.web.StoredFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A coordinator's calls to the workers running its attempts and owning its buckets. Every call
 * carries the job's token. A worker that cannot be reached throws {@link org.springframework.web.client.ResourceAccessException}.
 */
final class WorkerClient {

    private final RestClient rest;
    private final HttpClient http;
    private final Duration transferTimeout;

    WorkerClient(RestClient rest, HttpClient http, Duration transferTimeout) {
        this.rest = rest;
        this.http = http;
        this.transferTimeout = transferTimeout;
    }

    TaskReport start(String worker, TaskRequest request) {
        return rest.post().uri(URI.create(worker + "/api/v1/tasks")).header(HttpHeaders.AUTHORIZATION, bearer(request.token()))
                .body(request).retrieve().body(TaskReport.class);
    }

    /** @return empty if the worker does not know the attempt (it restarted) */
    Optional<TaskReport> report(String worker, String taskId, String token) {
        try {
            return Optional.ofNullable(rest.get().uri(URI.create(worker + "/api/v1/tasks/" + taskId))
                    .header(HttpHeaders.AUTHORIZATION, bearer(token)).retrieve().body(TaskReport.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    void cancel(String worker, String taskId, String token) {
        rest.delete().uri(URI.create(worker + "/api/v1/tasks/" + taskId)).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .retrieve().toBodilessEntity();
    }

    /** Copies what an attempt returned for the caller to {@code target}. */
    void fetchOutput(String worker, String taskId, String token, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        HttpRequest request = HttpRequest.newBuilder(URI.create(worker + "/api/v1/tasks/" + taskId + "/output"))
                .timeout(transferTimeout).header(HttpHeaders.AUTHORIZATION, bearer(token)).GET().build();
        HttpResponse<Path> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(part));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            Files.deleteIfExists(part);
            throw new IOException("the output of " + taskId + " on " + worker + " answered " + response.statusCode());
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    StoredFile publish(String worker, String taskId, String name, String token) {
        return rest.post().uri(URI.create(worker + "/api/v1/tasks/" + taskId + "/publish"))
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).body(new PublishRequest(name)).retrieve()
                .body(StoredFile.class);
    }

    StoredFile commitBucket(String owner, String jobId, int stage, int bucket, List<BucketStore.PartId> parts,
                            String name, String token) {
        return rest.post().uri(URI.create(owner + ShufflePaths.commit(jobId, stage, bucket)))
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).body(new CommitRequest(name, parts)).retrieve()
                .body(StoredFile.class);
    }

    JobStatus status(String worker, String jobId) {
        return rest.get().uri(URI.create(worker + "/api/v1/jobs/" + jobId)).retrieve().body(JobStatus.class);
    }

    void forgetJob(String worker, String jobId, String token) {
        rest.delete().uri(URI.create(worker + "/api/v1/tasks?job=" + jobId)).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .retrieve().toBodilessEntity();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
