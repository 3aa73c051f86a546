package io.sectorsphere.locator.web;

import io.sectorsphere.chord.LookupFailedException;
import io.sectorsphere.chord.StoreFullException;
import io.sectorsphere.locator.records.FileNotLocatedException;
import io.sectorsphere.locator.records.RecordTooLargeException;
import io.sectorsphere.locator.ring.NodeNotReadyException;
import io.sectorsphere.service.web.ServiceProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details. Spring's own cases (unknown route, wrong method,
 * unreadable body, ...) and the shared ones (invalid arguments, unexpected failures) come from
 * {@link ServiceProblemHandler}; this adds the locator's.
 */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

    ProblemHandler() {
        super("the locator");
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

    /** Size limits fail inside JSON parsing; their message is the useful one. */
    @Override
    protected ResponseEntity<Object> unreadableBecauseOf(Throwable cause) {
        if (cause instanceof RecordTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        return super.unreadableBecauseOf(cause);
    }
}
