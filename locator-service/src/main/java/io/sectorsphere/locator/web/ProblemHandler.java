package io.sectorsphere.locator.web;

import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.chord.StoreFullException;
import io.sectorsphere.locator.records.FileNotLocatedException;
import io.sectorsphere.locator.records.RecordTooLargeException;
import io.sectorsphere.locator.ring.NodeNotReadyException;
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
 * unreadable body, ...) come from the base class; this adds the locator's.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(RecordTooLargeException.class)
    ProblemDetail tooLarge(RecordTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Record too large", e.getMessage());
    }

    @ExceptionHandler(FileNotLocatedException.class)
    ProblemDetail notLocated(FileNotLocatedException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "File not located", e.getMessage());
        problem.setProperty("name", e.name().value());
        problem.setProperty("hops", e.hops());
        return problem;
    }

    @ExceptionHandler(StoreFullException.class)
    ProblemDetail storeFull(StoreFullException e) {
        return problem(HttpStatus.INSUFFICIENT_STORAGE, "Locator full", e.getMessage());
    }

    @ExceptionHandler(LookupFailedException.class)
    ProblemDetail lookupFailed(LookupFailedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Ring lookup failed", e.getMessage());
    }

    @ExceptionHandler(NodeNotReadyException.class)
    ProblemDetail notReady(NodeNotReadyException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Locator not ready", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure of a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the locator failed to answer");
    }

    /** Record constructors and size limits fail inside JSON parsing; their message is the useful one. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
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
