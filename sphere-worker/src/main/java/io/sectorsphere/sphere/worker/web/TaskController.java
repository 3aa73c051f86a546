package io.sectorsphere.sphere.worker.web;

import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.exec.TaskNotFoundException;
import io.sectorsphere.sphere.worker.exec.TaskReport;
import io.sectorsphere.sphere.worker.exec.TaskRequest;
import io.sectorsphere.sphere.worker.exec.Tasks;
import io.sectorsphere.sphere.worker.security.JobAccess;
import io.sectorsphere.sphere.worker.shuffle.BucketStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attempts a coordinator runs on this worker: start, report, stop, fetch the output returned to the
 * caller, publish the output as a Sector file, and forget a whole job. Every call carries the job's token.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private static final Pattern ID = Pattern.compile("j[0-9a-f]{16}(-s\\d+-g\\d+-a\\d+)?");

    private final Tasks tasks;
    private final BucketStore buckets;
    private final JobAccess access;
    private final LocalWorker local;

    TaskController(Tasks tasks, BucketStore buckets, JobAccess access, LocalWorker local) {
        this.tasks = tasks;
        this.buckets = buckets;
        this.access = access;
        this.local = local;
    }

    @PostMapping
    ResponseEntity<TaskReport> start(@RequestBody TaskRequest request,
                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.requireRunner(authorization);
        requireId(request.taskId());
        return ResponseEntity.accepted().body(tasks.start(request));
    }

    @GetMapping("/{id}")
    TaskReport report(@PathVariable String id) {
        return tasks.report(requireId(id)).orElseThrow(() -> new TaskNotFoundException("no attempt " + id + " here"));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable String id,
                @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.requireRunner(authorization);
        tasks.cancel(requireId(id));
    }

    @GetMapping("/{id}/output")
    void output(@PathVariable String id, HttpServletResponse response,
                @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) throws IOException {
        access.requireRunner(authorization);
        Optional<Path> output = tasks.output(requireId(id));
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(output.isPresent() ? Files.size(output.get()) : 0);
        try (OutputStream out = response.getOutputStream()) {
            if (output.isPresent()) {
                Files.copy(output.get(), out);
            }
        }
    }

    @PostMapping("/{id}/publish")
    StoredFile publish(@PathVariable String id, @RequestBody PublishRequest request,
                       @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
            throws IOException {
        access.requireRunner(authorization);
        long size = tasks.publish(requireId(id), request.name());
        return new StoredFile(request.name(), size, local.storageAddress(), local.storageUrl());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forgetJob(@RequestParam("job") String jobId,
                   @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
            throws IOException {
        access.requireRunner(authorization);
        requireId(jobId);
        tasks.forgetJob(jobId);
        buckets.forgetJob(jobId);
    }

    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a job or attempt id: " + id);
        }
        return id;
    }
}
