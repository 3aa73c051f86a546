package io.sectorsphere.storage.web;

import io.sectorsphere.common.file.DeletionReport;
import io.sectorsphere.storage.cluster.Deletions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/files/{name}[?scope=local]}: removes the file and its record index here and,
 * unless {@code scope=local}, on every other holder. 200 with the holders that deleted it; 502 with
 * problem details listing both when a holder could not; 404 when no node held it.
 */
@RestController
class FileDeleteController {

    private final Deletions deletions;

    FileDeleteController(Deletions deletions) {
        this.deletions = deletions;
    }

    @DeleteMapping("/api/v1/files/{*path}")
    ResponseEntity<?> delete(@PathVariable String path, @RequestParam(required = false) String scope,
                             @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        boolean localOnly = Scope.parse(scope, Scope.CLUSTER) == Scope.LOCAL;
        DeletionReport report = deletions.delete(FileRoute.file(path), localOnly, authorization);
        if (report.failed().isEmpty()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "'" + report.name() + "' is still held by " + report.failed());
        problem.setTitle("Deleted on some holders only");
        problem.setProperty("deleted", report.deleted());
        problem.setProperty("failed", report.failed());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
