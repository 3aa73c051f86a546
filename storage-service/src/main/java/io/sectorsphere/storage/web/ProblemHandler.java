package io.sectorsphere.storage.web;

import io.sectorsphere.service.web.ServiceProblemHandler;
import io.sectorsphere.storage.cluster.FileNotLocatedException;
import io.sectorsphere.storage.files.FileConflictException;
import io.sectorsphere.storage.files.IncompleteContentException;
import io.sectorsphere.storage.files.InsufficientStorageException;
import io.sectorsphere.storage.publish.LocatorUnavailableException;
import io.sectorsphere.storage.records.InvalidRecordIndexException;
import io.sectorsphere.storage.records.NoRecordIndexException;
import io.sectorsphere.storage.replication.ReplicationBusyException;
import io.sectorsphere.storage.security.AccessDeniedException;
import io.sectorsphere.storage.security.UnauthenticatedException;
import io.sectorsphere.storage.upload.DigestMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details. Spring's own cases (unknown route, wrong method,
 * unreadable body, ...) and the shared ones (invalid arguments, unexpected failures) come from
 * {@link ServiceProblemHandler}; this adds the storage node's.
 */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

    ProblemHandler() {
        super("the storage node");
    }

    @ExceptionHandler(DigestMismatchException.class)
    ProblemDetail digestMismatch(DigestMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Digest mismatch", e.getMessage());
    }

    @ExceptionHandler(IncompleteContentException.class)
    ProblemDetail incomplete(IncompleteContentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Incomplete content", e.getMessage() + "; nothing was stored");
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sector\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "Token required", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Write not allowed", e.getMessage()
                + "; nothing was stored");
        problem.setProperty("reason", e.reason().name().toLowerCase());
        return problem;
    }

    @ExceptionHandler(FileNotLocatedException.class)
    ProblemDetail notLocated(FileNotLocatedException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "File not found", e.getMessage());
        problem.setProperty("name", e.name().value());
        return problem;
    }

    @ExceptionHandler(NoRecordIndexException.class)
    ProblemDetail noRecordIndex(NoRecordIndexException e) {
        return problem(HttpStatus.NOT_FOUND, "No record index", e.getMessage());
    }

    @ExceptionHandler(FileConflictException.class)
    ProblemDetail conflict(FileConflictException e) {
        return problem(HttpStatus.CONFLICT, "Name taken", e.getMessage());
    }

    @ExceptionHandler(InvalidRecordIndexException.class)
    ProblemDetail invalidRecordIndex(InvalidRecordIndexException e) {
        return problem(HttpStatus.CONFLICT, "Record index does not fit the file", e.getMessage());
    }

    @ExceptionHandler(InsufficientStorageException.class)
    ProblemDetail full(InsufficientStorageException e) {
        return problem(HttpStatus.INSUFFICIENT_STORAGE, "Insufficient storage", e.getMessage()
                + "; nothing was stored");
    }

    @ExceptionHandler(LocatorUnavailableException.class)
    ProblemDetail locatorUnavailable(LocatorUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Locator unavailable", e.getMessage());
    }

    @ExceptionHandler(ReplicationBusyException.class)
    ResponseEntity<ProblemDetail> busy(ReplicationBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Replication queue full", e.getMessage()));
    }
}
