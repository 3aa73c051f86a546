package io.sectorsphere.storage.web;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Spring's own cases (unknown route, wrong method,
 * unreadable body, ...) come from the base class; this adds the storage node's.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
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

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure of a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the storage node failed to answer");
    }

    /** Record constructors fail inside JSON parsing; their message is the useful one. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException invalid) {
                return ResponseEntity.badRequest().body(badRequest(invalid));
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
