package io.sectorsphere.locator.nodes;

import io.sectorsphere.common.sphere.JobCheckpoint;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Checkpoints of running Sphere jobs: their coordinators store them, any worker reads them. */
@RestController
@RequestMapping("/api/v1/sphere-jobs")
class JobCheckpointController {

    private final JobCheckpointRegistry registry;

    JobCheckpointController(JobCheckpointRegistry registry) {
        this.registry = registry;
    }

    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void store(@PathVariable String id, @RequestBody JobCheckpoint checkpoint) {
        if (!id.equals(checkpoint.id())) {
            throw new IllegalArgumentException("the path names job " + id + " but the checkpoint is of " + checkpoint.id());
        }
        registry.store(checkpoint);
    }

    @GetMapping
    List<JobCheckpoint> list() {
        return registry.live();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id) {
        registry.remove(id);
    }
}
