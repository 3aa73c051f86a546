package io.sectorsphere.transfer.agent.web;

import io.sectorsphere.service.web.ServiceProblemHandler;
import io.sectorsphere.transfer.agent.jobs.JobNotFoundException;
import io.sectorsphere.transfer.agent.jobs.JobsBusyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error as RFC 9457 problem details; the shared cases come from {@link ServiceProblemHandler}. */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

    ProblemHandler() {
        super("the transfer agent");
    }

    @ExceptionHandler(JobNotFoundException.class)
    ProblemDetail notFound(JobNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Transfer not found", e.getMessage());
    }

    @ExceptionHandler(JobAccess.JobsNotAllowedException.class)
    ProblemDetail notAllowed(JobAccess.JobsNotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Transfers not allowed", e.getMessage());
    }

    @ExceptionHandler(JobsBusyException.class)
    ResponseEntity<ProblemDetail> busy(JobsBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Transfer queue full", e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unavailable(IllegalStateException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Not available", e.getMessage());
    }
}
