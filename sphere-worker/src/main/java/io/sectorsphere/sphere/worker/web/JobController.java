package io.sectorsphere.sphere.worker.web;

import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.sphere.worker.coordinator.Jobs;
import io.sectorsphere.sphere.worker.security.JobAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sphere jobs: {@code POST /api/v1/jobs} submits one to this worker, which coordinates it;
 * {@code GET} shows progress, {@code DELETE} cancels, {@code .../results} streams what the job
 * returned to the caller.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

    private final Jobs jobs;
    private final JobAccess access;

    JobController(Jobs jobs, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<JobStatus> submit(@RequestBody JobRequest request,
                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String account = access.requireRunner(authorization);
        JobStatus status = jobs.submit(request, JobAccess.token(authorization), account);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + status.id())).body(status);
    }

    @GetMapping
    List<JobStatus> list() {
        return jobs.list();
    }

    @GetMapping("/{id}")
    JobStatus status(@PathVariable String id) {
        return jobs.status(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<JobStatus> cancel(@PathVariable String id,
                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.requireRunner(authorization);
        return ResponseEntity.accepted().body(jobs.cancel(id));
    }

    @GetMapping("/{id}/results")
    void results(@PathVariable String id, HttpServletResponse response) throws IOException {
        List<Path> files = jobs.results(id);
        long length = 0;
        for (Path file : files) {
            length += Files.size(file);
        }
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(length);
        try (OutputStream out = response.getOutputStream()) {
            for (Path file : files) {
                Files.copy(file, out);
            }
        }
    }
}
