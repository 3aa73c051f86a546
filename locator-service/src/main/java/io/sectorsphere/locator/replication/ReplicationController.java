package io.sectorsphere.locator.replication;

import io.sectorsphere.common.replication.ReplicationStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/replication}: this locator's replica check, for operators and {@code sector sysinfo}. */
@RestController
class ReplicationController {

    private final ReplicationChecker checker;

    ReplicationController(ReplicationChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/api/v1/replication")
    ReplicationStatus replication() {
        return checker.status();
    }
}
