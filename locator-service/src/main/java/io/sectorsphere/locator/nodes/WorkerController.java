package io.sectorsphere.locator.nodes;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.node.WorkerStatus;
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

/** The worker registry: Sphere workers report their status here; any locator lists every live worker. */
@RestController
@RequestMapping("/api/v1/workers")
class WorkerController {

    private final WorkerRegistry registry;

    WorkerController(WorkerRegistry registry) {
        this.registry = registry;
    }

    @PutMapping("/{address}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(@PathVariable String address, @RequestBody WorkerStatus status) {
        Addresses.requireHostPort("address", address);
        if (!address.equals(status.address())) {
            throw new IllegalArgumentException(
                    "the path names worker " + address + " but the status describes " + status.address());
        }
        registry.register(status);
    }

    @GetMapping
    List<WorkerStatus> list() {
        return registry.live();
    }

    @DeleteMapping("/{address}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String address) {
        registry.remove(address);
    }
}
