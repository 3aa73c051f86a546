package io.sectorsphere.transfer.agent.web;

import io.sectorsphere.transfer.agent.jobs.TransferJobs;
import io.sectorsphere.transfer.agent.jobs.TransferRequest;
import io.sectorsphere.transfer.agent.jobs.TransferView;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Transfer jobs: submit one, follow it, list them. */
@RestController
@RequestMapping("/api/v1/transfers")
class TransferController {

    private final TransferJobs jobs;
    private final JobAccess access;

    TransferController(TransferJobs jobs, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    /** Accepts a job and answers at once, 202 with the job's URL; the job runs in the background. */
    @PostMapping
    ResponseEntity<TransferView> submit(@RequestBody TransferRequest request, HttpServletRequest http) {
        access.requireAllowed(http.getRemoteAddr());
        TransferView job = jobs.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/transfers/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    TransferView get(@PathVariable String id) {
        return jobs.get(id);
    }

    @GetMapping
    List<TransferView> list() {
        return jobs.list();
    }
}
