package io.sectorsphere.storage.web;

import io.sectorsphere.common.replication.ReplicationRequest;
import io.sectorsphere.common.replication.ReplicationTicket;
import io.sectorsphere.storage.replication.Replicator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/replicas}: copy a file from another node (a write: allow-list and token).
 * 202 with a ticket; the file appears, complete and verified, when the copy is done.
 * {@code GET /api/v1/replicas}: the names being copied now.
 */
@RestController
class ReplicaController {

    private final Replicator replicator;

    ReplicaController(Replicator replicator) {
        this.replicator = replicator;
    }

    @PostMapping("/api/v1/replicas")
    ResponseEntity<ReplicationTicket> replicate(@RequestBody ReplicationRequest request,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return ResponseEntity.accepted().body(replicator.request(request, authorization));
    }

    @GetMapping("/api/v1/replicas")
    Map<String, List<String>> inProgress() {
        return Map.of("inProgress", replicator.inFlight());
    }
}
